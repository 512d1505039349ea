package app.slipway.e2e;

import java.util.List;

/** The same over one SSH session to the testbed's sshd, as root with the ed25519 key. */
class BackupsSshTest extends BackupsContract {
    @Override
    protected List<String> targetArgs() {
        return List.of("--host", "ssh://root@" + testbed.sshHost() + ":" + testbed.sshPort(),
                "--identity", testbed.sshKey().toString(),
                "--known-hosts", testbed.knownHosts().toString());
    }
}
