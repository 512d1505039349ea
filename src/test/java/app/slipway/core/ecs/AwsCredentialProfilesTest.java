package app.slipway.core.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles of {@code ~/.aws/config} the default chain reads with the SDK modules Slipway carries: an
 * SSO profile whose login has lapsed is one sentence naming the profile and the command that renews
 * it (not the SDK's "module must be on the class path", not its whole chain). No call leaves the
 * machine: the credentials fail before any request, and the instance metadata look-up is off.
 */
class AwsCredentialProfilesTest {
    private static final List<String> PROPERTIES = List.of("aws.configFile", "aws.sharedCredentialsFile", "aws.profile",
            "aws.disableEc2Metadata", "aws.accessKeyId", "aws.secretAccessKey");

    @TempDir Path dir;

    @AfterEach
    void forget() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void anSsoProfileWithoutALiveLoginSaysToLogInAgain() throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, """
                [profile corp-deploy]
                sso_session = corp
                sso_account_id = 123456789012
                sso_role_name = Deployer
                region = eu-west-1
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                sso_registration_scopes = sso:account:access
                """);
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("none").toString());
        System.setProperty("aws.profile", "corp-deploy");
        System.setProperty("aws.disableEc2Metadata", "true");
        try (AwsSession aws = AwsSession.open(Optional.of("eu-west-1"), Optional.empty())) {
            SlipwayException e = assertThrows(SlipwayException.class,
                    () -> AwsFailures.call("ecs:ListClusters", () -> aws.ecs().listClusters()));
            assertEquals(ExitCode.REFUSED, e.exitCode());
            assertEquals("The AWS SSO login of profile corp-deploy has expired or was never made: run 'aws sso login"
                    + " --profile corp-deploy', then run this again.", e.getMessage());
        }
    }
}
