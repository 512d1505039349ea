package app.slipway.core.verify;

import app.slipway.core.engine.ServiceContainer;
import java.util.List;

/** What verification reads of a running stack each poll; the real one asks the engine and the URL. */
interface StackView {
    List<ServiceContainer> containers();

    ProbeResult probe();

    List<String> logTail(String containerId, int lines);
}
