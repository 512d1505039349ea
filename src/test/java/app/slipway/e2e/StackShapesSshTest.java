package app.slipway.e2e;

import java.util.List;

class StackShapesSshTest extends StackShapesContract {
    @Override
    protected List<String> targetArgs() {
        return List.of("--host", "ssh://root@" + testbed.sshHost() + ":" + testbed.sshPort(),
                "--identity", testbed.sshKey().toString(),
                "--known-hosts", testbed.knownHosts().toString());
    }
}
