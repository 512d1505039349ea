package app.slipway.e2e;

import java.util.List;

/** The same checks over SSH: the stack's policy.yml and notify.yml are read on the server, notifications leave from here. */
class CheckSshTest extends CheckContract {
    @Override
    protected List<String> targetArgs() {
        return List.of("--host", "ssh://root@" + testbed.sshHost() + ":" + testbed.sshPort(),
                "--identity", testbed.sshKey().toString(),
                "--known-hosts", testbed.knownHosts().toString());
    }
}
