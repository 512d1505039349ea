package app.slipway.gui;

import app.slipway.core.profile.ProfileLoader;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.connect.ConnectPage;
import app.slipway.gui.connect.ConnectViewModel;
import app.slipway.gui.plan.PlanPage;
import app.slipway.gui.plan.PlanViewModel;
import app.slipway.gui.result.ResultPage;
import app.slipway.gui.run.RunPage;
import app.slipway.gui.shell.Navigator.Step;
import app.slipway.gui.shell.Theme;
import app.slipway.gui.shell.WizardSession;
import app.slipway.gui.shell.WizardShell;
import app.slipway.gui.shell.EitherPage;
import app.slipway.gui.fleet.FleetPage;
import app.slipway.gui.fleet.FleetViewModel;
import app.slipway.gui.stack.StackPage;
import app.slipway.gui.stack.StackViewModel;
import app.slipway.gui.version.VersionCatalog;
import app.slipway.gui.version.VersionPage;
import app.slipway.gui.version.VersionViewModel;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Scene;

/**
 * Puts the wizard together: one session, one shell, the six pages with their view-models. The
 * application and the end-to-end tests build the very same window through here.
 */
public final class WizardWindow {
    public final WizardSession session = new WizardSession();
    public final WizardShell shell;
    public final Theme theme;
    private final Scene scene;

    /**
     * @param settings the wizard's settings file (theme); tests pass a temporary one
     * @param versions where versions and notes come from
     * @param opener   opens a URL in the user's browser
     */
    public WizardWindow(BackgroundExecutor executor, Path settings, VersionCatalog versions, Consumer<String> opener) {
        theme = new Theme(settings);
        shell = new WizardShell(session, theme);
        shell.put(Step.CONNECT, () -> new ConnectPage(new ConnectViewModel(session, executor, shell)));
        // One stack, several servers, or services on ECS: the Stack step is the page the Connect page led to.
        shell.put(Step.STACK, () -> new EitherPage(() -> session.ecs.get() != null,
                () -> new EitherPage(() -> session.fleet.get() != null,
                        () -> new StackPage(new StackViewModel(session, executor, shell, new ProfileLoader(), versions,
                                app.slipway.gui.connect.StackStates.ofUser()), session, executor),
                        () -> new FleetPage(new FleetViewModel(session, executor, shell))),
                () -> new app.slipway.gui.ecs.EcsPage(new app.slipway.gui.ecs.EcsViewModel(session, shell, executor))));
        shell.put(Step.VERSION, () -> {
            var page = new VersionPage(new VersionViewModel(session, executor, shell, versions), opener);
            page.darkProperty().bind(theme.dark); // the notes are HTML: they follow the theme by hand
            return page;
        });
        shell.put(Step.PLAN, () -> new PlanPage(new PlanViewModel(session, executor, shell), session));
        shell.put(Step.RUN, () -> new RunPage(session, executor, shell));
        shell.put(Step.RESULT, () -> new ResultPage(session, executor, shell, opener));
        scene = new Scene(shell.root(), 1180, 800);
        scene.getStylesheets().add(WizardWindow.class.getResource("wizard.css").toExternalForm());
        shell.goTo(Step.CONNECT);
    }

    /** Connects to this computer and opens the Stack page on {@code dir} (the wizard {@code slipway demo} opens). */
    public void openLocal(String dir) {
        ((ConnectPage) shell.page(Step.CONNECT)).viewModel().openLocal(dir);
    }

    public Scene scene() {
        return scene;
    }
}
