package app.slipway.gui.shell;

/** How a page moves the wizard on: pages never know the shell. */
public interface Navigator {
    enum Step { CONNECT, STACK, VERSION, PLAN, RUN, RESULT }

    void goTo(Step step);
}
