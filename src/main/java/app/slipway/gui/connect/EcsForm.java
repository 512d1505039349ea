package app.slipway.gui.connect;

import atlantafx.base.theme.Styles;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Connect page's AWS ECS form: region, cluster, the services in update order, the load balancer, a profile. */
final class EcsForm {
    private EcsForm() {}

    static Node build(ConnectViewModel vm) {
        var grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        row(grid, 0, "_Region", "connect-ecs-region", "eu-west-1 (blank: AWS_REGION or your AWS profile's)", vm.ecsRegion);
        row(grid, 1, "C_luster", "connect-ecs-cluster", "prod", vm.ecsCluster);
        row(grid, 2, "Servi_ces", "connect-ecs-services", "web, job — in update order", vm.ecsServices);
        row(grid, 3, "Load _balancer", "connect-ecs-health", "https://strata.example.com (checked at the profile's /up)",
                vm.ecsHealthUrl);
        row(grid, 4, "Pro_file", "connect-ecs-profile", "detected from the images; or a name (strata) or a file",
                vm.ecsProfile);
        var note = new Label("Credentials come from the AWS SDK's default chain: the environment, ~/.aws profiles"
                + " (AWS_PROFILE), SSO or an instance role. The first service is upgraded and verified before the next.");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        var box = new VBox(8, grid, note);
        box.setId("connect-ecs-form");
        box.visibleProperty().bind(vm.mode.isEqualTo(ConnectMode.ECS));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static void row(GridPane grid, int row, String label, String id, String prompt, StringProperty value) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        GridPane.setHgrow(field, Priority.ALWAYS);
        var l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setHalignment(l, javafx.geometry.HPos.LEFT);
        GridPane.setValignment(l, javafx.geometry.VPos.CENTER);
        grid.add(l, 0, row);
        grid.add(field, 1, row);
        grid.setAlignment(Pos.CENTER_LEFT);
    }
}
