package app.slipway.gui.connect;

import atlantafx.base.theme.Styles;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Connect page's AWS ECS form: the AWS profile, region, cluster, the services in update order, the load
 * balancer, the product's profile.
 */
final class EcsForm {
    private EcsForm() {}

    static Node build(ConnectViewModel vm) {
        var grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        var awsProfile = awsProfile(vm);
        grid.add(label("_AWS profile", awsProfile), 0, 0);
        grid.add(awsProfile, 1, 0);
        row(grid, 1, "_Region", "connect-ecs-region", "eu-west-1 (blank: AWS_REGION or the AWS profile's)", vm.ecsRegion);
        row(grid, 2, "C_luster", "connect-ecs-cluster", "prod", vm.ecsCluster);
        row(grid, 3, "Servi_ces", "connect-ecs-services", "web, job — in update order", vm.ecsServices);
        row(grid, 4, "Load _balancer", "connect-ecs-health", "https://strata.example.com (checked at the product's /up)",
                vm.ecsHealthUrl);
        row(grid, 5, "Pr_oduct", "connect-ecs-profile", "detected from the images; or a profile name (strata) or file",
                vm.ecsProfile);
        var note = new Label("Credentials come from the AWS profile named above (a role it assumes, or its SSO login),"
                + " else the AWS SDK's default chain: the environment, AWS_PROFILE, an instance role. The first service is"
                + " upgraded and verified before the next.");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        var box = new VBox(8, grid, note);
        box.setId("connect-ecs-form");
        box.visibleProperty().bind(vm.mode.isEqualTo(ConnectMode.ECS));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The profiles of ~/.aws to pick from, or one typed; blank is the default chain. */
    private static ComboBox<String> awsProfile(ConnectViewModel vm) {
        var awsProfile = new ComboBox<>(vm.awsProfiles);
        awsProfile.setId("connect-ecs-aws-profile");
        awsProfile.setEditable(true);
        awsProfile.setPromptText("blank: the default chain (AWS_PROFILE, environment, instance role)");
        awsProfile.getEditor().textProperty().bindBidirectional(vm.ecsAwsProfile);
        awsProfile.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(awsProfile, Priority.ALWAYS);
        return awsProfile;
    }

    private static Label label(String text, Node field) {
        var l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
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
