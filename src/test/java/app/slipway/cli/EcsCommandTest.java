package app.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ecs.EcsRecord;
import app.slipway.core.host.LocalTarget;
import app.slipway.core.state.Journal;
import app.slipway.core.state.JournalEntry;
import app.slipway.e2e.CliRun;
import app.slipway.ecs.EcsStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway ecs} against the ECS stand-in in its simulated mode (tasks without containers): the
 * real AWS SDK, the real protocol, every path of an ECS upgrade in seconds. Containers, the load
 * balancer and CloudWatch logs for real are in {@code e2e.EcsEndToEndTest}.
 */
class EcsCommandTest {
    static String WEB;
    static String WORKER;
    static final String SECRET = "s3cr3t-key-base-0123456789";
    static final String DB_PASSWORD = "hunter22pw";

    static EcsStandIn standIn;
    @TempDir static Path dir;
    static Path profile;

    @BeforeAll
    static void standIn() throws Exception {
        // The product's two repositories, with the versions the tests use, in the testbed's registry:
        // the plan asks it whether the new tag exists before anything is registered.
        var testbed = app.slipway.testbed.Testbed.require();
        for (String tag : List.of("1.4.1", "1.4.2", "1.9.0", "1.9.1", "1.9.2", "1.9.3")) {
            WEB = testbed.registryCopy("acme/server", tag);
            WORKER = testbed.registryCopy("acme/worker", tag);
        }
        standIn = new EcsStandIn();
        app.slipway.ecs.StandInAws.use(standIn);
        profile = dir.resolve("acme.yml");
        Files.writeString(profile, """
                name: Acme
                version_variable: ACME_VERSION
                images: [%s, %s]
                health: {url: "http://127.0.0.1:3000/up", timeout: 10s}
                """.formatted(WEB, WORKER));
    }

    @AfterAll
    static void stop() {
        standIn.close();
        app.slipway.ecs.StandInAws.forget();
    }

    /** A cluster of its own: web (behind the load balancer) and job, both on 1.4.1. */
    private static String cluster(boolean breaker) {
        String cluster = "c-" + UUID.randomUUID().toString().substring(0, 8);
        standIn.service(cluster, "web", cluster + "-web")
                .container("web", WEB + ":1.4.1", List.of("bin/web"), Map.of("SECRET_KEY_BASE", SECRET,
                        "DATABASE_URL", "postgres://acme:" + DB_PASSWORD + "@db.internal/acme", "RAILS_ENV", "production"), 3000)
                .secret("web", "SMTP_PASSWORD", "arn:aws:ssm:eu-west-1:123456789012:parameter/smtp")
                .awslogs("/ecs/" + cluster, "ecs").healthPath("/up").circuitBreaker(breaker, breaker).create();
        standIn.service(cluster, "job", cluster + "-job")
                .container("job", WORKER + ":1.4.1", List.of("bin/job"), Map.of("SECRET_KEY_BASE", SECRET), 0)
                .awslogs("/ecs/" + cluster, "ecs").circuitBreaker(breaker, breaker).create();
        return cluster;
    }

    private static CliRun ecs(String cluster, String verb, String... more) {
        var args = new ArrayList<>(List.of("ecs", verb, "--cluster", cluster, "--services", "web,job", "--region",
                "eu-west-1", "--profile", profile.toString(), "--health-url", standIn.loadBalancer(cluster, "web").toString()));
        args.addAll(List.of(more));
        if (!args.contains("--poll-every")) args.addAll(List.of("--poll-every", "100ms"));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> updatedServices() {
        return standIn.calls("UpdateService").stream().map(body -> body.replaceAll(".*\"service\":\"([^\"]+)\".*", "$1"))
                .toList();
    }

    private static void assertNoSecret(CliRun run) {
        assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), "a secret was printed:\n" + run);
        assertFalse(run.out().contains(DB_PASSWORD) || run.err().contains(DB_PASSWORD), "a password was printed:\n" + run);
    }

    @Test
    void statusShowsEachServicesRevisionAndImagesAndTheVersion() {
        String c = cluster(true);
        CliRun run = ecs(c, "status");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Acme 1.4.1 on ecs://" + c), run.out());
        assertTrue(run.out().contains("web: " + c + "-web:1, 1/1 running"), run.out());
        assertTrue(run.out().contains(WORKER + ":1.4.1"), run.out());
        assertNoSecret(run);
    }

    @Test
    void thePlanListsEachServicesRevisionsAndTagsInOrderAndMasksTheEnvironment() {
        String c = cluster(true);
        int before = standIn.calls("RegisterTaskDefinition").size();
        CliRun run = ecs(c, "plan", "--to", "1.4.2");
        assertEquals(0, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.contains("Upgrade Acme on ecs://" + c + " (eu-west-1): 1.4.1 → 1.4.2"), out);
        assertTrue(out.contains(c + "-web:1 → " + c + "-web:2 (new):"), "current and new revision:\n" + out);
        assertTrue(out.contains("container web: " + WEB + ":1.4.1 → " + WEB + ":1.4.2"), out);
        assertTrue(out.contains("container job: " + WORKER + ":1.4.1 → " + WORKER + ":1.4.2"), out);
        assertTrue(out.indexOf("Deploy web") < out.indexOf("Deploy job"), "web first:\n" + out);
        assertTrue(out.indexOf("Return job to " + c + "-job:1") < out.indexOf("Return web to " + c + "-web:1"),
                "the way back in reverse order:\n" + out);
        assertTrue(out.contains("3 environment values (not shown)"), out);
        assertNoSecret(run);
        assertEquals(before, standIn.calls("RegisterTaskDefinition").size(), "a plan registers nothing");
        CliRun json = ecs(c, "plan", "--to", "1.4.2", "--json");
        assertEquals(0, json.exitCode(), json.toString());
        assertTrue(json.out().strip().startsWith("{") && json.out().contains("\"deploy\""), json.out());
        assertNoSecret(json);
    }

    @Test
    void aVersionTheRegistryDoesNotHaveIsRefusedBeforeAnythingIsRegistered() {
        String c = cluster(true);
        int before = standIn.calls("RegisterTaskDefinition").size();
        CliRun run = ecs(c, "upgrade", "--to", "1.4.20", "--yes");
        assertEquals(3, run.exitCode(), run.toString());
        assertEquals(WEB + ", " + WORKER + " have no tag 1.4.20: check --to against 'slipway versions'; nothing on AWS"
                + " was changed.", run.err().strip());
        assertEquals(before, standIn.calls("RegisterTaskDefinition").size());
        assertEquals(c + "-web:1", revision(standIn.taskDefinitionOf(c, "web")));
    }

    @Test
    void anUpgradeDeploysWebThenJobFollowingEachDeploymentAndCheckingTheLoadBalancer() {
        String c = cluster(true);
        int before = updatedServices().size();
        CliRun run = ecs(c, "upgrade", "--to", "1.4.2", "--yes");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("web", "job"), updatedServices().subList(before, updatedServices().size()));
        assertEquals(c + "-web:2", revision(standIn.taskDefinitionOf(c, "web")));
        assertEquals(c + "-job:2", revision(standIn.taskDefinitionOf(c, "job")));
        assertEquals(List.of(WEB + ":1.4.2"), standIn.runningImages(c, "web"));
        assertEquals(List.of(WORKER + ":1.4.2"), standIn.runningImages(c, "job"));
        assertTrue(run.out().contains("Verify web"), run.out());
        assertTrue(run.out().contains("Acme 1.4.2 runs on web, job of cluster " + c), run.out());
        assertNoSecret(run);
    }

    @Test
    void aReleaseWhoseTasksNeverStartTripsTheBreakerAndTheRunSaysSoWithJobUntouched() {
        String c = cluster(true);
        standIn.crashing(WEB + ":1.9.0");
        int before = updatedServices().size();
        CliRun run = ecs(c, "upgrade", "--to", "1.9.0", "--yes");
        assertEquals(4, run.exitCode(), run.toString());
        assertEquals(List.of("web"), updatedServices().subList(before, updatedServices().size()), "job never moved");
        assertEquals(c + "-web:1", revision(standIn.taskDefinitionOf(c, "web")));
        assertEquals(c + "-job:1", revision(standIn.taskDefinitionOf(c, "job")));
        assertTrue(run.err().contains("web is back on " + c + "-web:1; job was not changed"), run.toString());
        assertTrue(run.out().contains("CannotStartContainerError") || run.err().contains("CannotStartContainerError"),
                "the stopped tasks' reason is shown:\n" + run);
        assertNoSecret(run);
    }

    @Test
    void aDeploymentGoneBecauseTheBreakerAlreadyRolledBackIsAFailureThoughTheServiceLooksStable() {
        String c = cluster(true);
        standIn.crashing(WEB + ":1.9.3");
        // Polled seldom, the breaker has failed the deployment and finished its rollback between two looks.
        CliRun run = ecs(c, "upgrade", "--to", "1.9.3", "--yes", "--poll-every", "4s");
        assertEquals(4, run.exitCode(), run.toString());
        assertTrue(run.err().contains("is gone: ECS replaced it"), run.toString());
        assertTrue(run.out().contains("web already runs " + c + "-web:1"), run.toString());
        assertEquals(List.of(WEB + ":1.4.1"), standIn.runningImages(c, "web"));
    }

    @Test
    void aBreakerThatNeverTripsMeetsSlipwaysDeadline() {
        String c = cluster(false);
        standIn.crashing(WEB + ":1.9.1");
        CliRun run = ecs(c, "upgrade", "--to", "1.9.1", "--yes", "--deadline", "3s");
        assertEquals(4, run.exitCode(), run.toString());
        assertTrue(run.err().contains("did not complete within 3 s"), run.toString());
        assertEquals(c + "-web:1", revision(standIn.taskDefinitionOf(c, "web")));
        assertEquals(List.of(WEB + ":1.4.1"), standIn.runningImages(c, "web"));
    }

    @Test
    void jobFailingAfterWebSucceededSendsBothBackInReverseOrder() {
        String c = cluster(true);
        standIn.crashing(WORKER + ":1.9.2");
        int before = updatedServices().size();
        CliRun run = ecs(c, "upgrade", "--to", "1.9.2", "--yes");
        assertEquals(4, run.exitCode(), run.toString());
        // web, job (failed: the breaker already took job back), then web returned by Slipway.
        assertEquals(List.of("web", "job", "web"), updatedServices().subList(before, updatedServices().size()));
        assertEquals(c + "-web:1", revision(standIn.taskDefinitionOf(c, "web")));
        assertEquals(c + "-job:1", revision(standIn.taskDefinitionOf(c, "job")));
        assertEquals(List.of(WEB + ":1.4.1"), standIn.runningImages(c, "web"));
        assertTrue(run.err().contains("web is back on " + c + "-web:1, job is back on " + c + "-job:1"), run.toString());
    }

    @Test
    void throttledCallsAreRetriedAndTheUpgradeGoesOn() {
        String c = cluster(true);
        int before = standIn.calls("UpdateService").size();
        standIn.failNext("UpdateService", 400, "ThrottlingException", "Rate exceeded.", 2);
        CliRun run = ecs(c, "upgrade", "--to", "1.4.2", "--yes");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(4, standIn.calls("UpdateService").size() - before, "two throttled, then web and job");
    }

    @Test
    void accessDeniedIsOneSentenceAndExit3() {
        String c = cluster(true);
        standIn.failNext("DescribeServices", 400, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecs:DescribeServices", 1);
        CliRun run = ecs(c, "upgrade", "--to", "1.4.2", "--yes");
        assertEquals(3, run.exitCode(), run.toString());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("AWS refused ecs:DescribeServices"), run.err());
        assertTrue(run.err().contains("not authorized"), run.err());
        assertFalse(run.err().contains("at software.amazon"), run.err());
    }

    @Test
    void rollbackReturnsEveryServiceToTheRevisionsBeforeTheLastUpgrade() {
        String c = cluster(true);
        assertEquals(0, ecs(c, "upgrade", "--to", "1.4.2", "--yes").exitCode());
        CliRun run = ecs(c, "rollback", "--yes");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(c + "-web:1", revision(standIn.taskDefinitionOf(c, "web")));
        assertEquals(c + "-job:1", revision(standIn.taskDefinitionOf(c, "job")));
        assertEquals(List.of(WORKER + ":1.4.1"), standIn.runningImages(c, "job"));
        assertTrue(run.out().indexOf("Return job") < run.out().indexOf("Return web"), "reverse order:\n" + run.out());
        CliRun again = ecs(c, "rollback", "--yes");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("nothing was changed"), again.out());
    }

    @Test
    void theRollbackTheUpgradeSuggestsNeedsNoProfileOrHealthUrlAndChecksTheUpgradesOne() {
        String c = cluster(true);
        CliRun upgrade = ecs(c, "upgrade", "--to", "1.4.2", "--yes");
        assertEquals(0, upgrade.exitCode(), upgrade.toString());
        String hint = upgrade.out().replaceAll("(?s).*'(slipway ecs rollback [^']+)'.*", "$1");
        assertEquals("slipway ecs rollback --cluster " + c + " --services web,job --region eu-west-1", hint);

        var args = new ArrayList<>(List.of(hint.substring("slipway ".length()).split(" ")));
        args.addAll(List.of("--yes", "--poll-every", "100ms"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(c + "-web:1", revision(standIn.taskDefinitionOf(c, "web")));
        assertTrue(run.out().contains("Verify web"), "the upgrade's health URL is checked again:\n" + run.out());
        assertNoSecret(run);
    }

    @Test
    void anInterruptedUpgradeIsReportedAndRefusedUntilRolledBack() {
        String c = cluster(true);
        Path record = EcsRecord.directory("eu-west-1", c);
        var entry = JournalEntry.start("upgrade", "1.4.1", "1.4.2", "r1");
        new EcsRecord("r1", "2026-11-30T00:00:00Z", "Acme", "1.4.1", List.of(
                new EcsRecord.Revision("web", standIn.taskDefinitionOf(c, "web")),
                new EcsRecord.Revision("job", standIn.taskDefinitionOf(c, "job"))), null, null).write(record);
        Journal.begin(new LocalTarget(), record.toString(), entry);

        assertTrue(ecs(c, "status").out().contains("was interrupted"));
        CliRun refused = ecs(c, "upgrade", "--to", "1.4.2", "--yes");
        assertEquals(3, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("slipway ecs rollback --cluster " + c), refused.err());
        CliRun rollback = ecs(c, "rollback", "--yes");
        assertEquals(0, rollback.exitCode(), rollback.toString());
        assertTrue(Journal.find(new LocalTarget(), record.toString()).isEmpty(), "the rollback ends the journal");
        assertEquals(0, ecs(c, "upgrade", "--to", "1.4.2", "--yes").exitCode());
    }

    @Test
    void aServiceOnAnotherDeploymentControllerIsRefused() {
        String c = "c-" + UUID.randomUUID().toString().substring(0, 8);
        standIn.service(c, "web", c + "-web").container("web", WEB + ":1.4.1", List.of(), Map.of(), 0)
                .controller("CODE_DEPLOY").create();
        standIn.service(c, "job", c + "-job").container("job", WORKER + ":1.4.1", List.of(), Map.of(), 0).create();
        CliRun run = ecs(c, "upgrade", "--to", "1.4.2", "--yes");
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("deployed by CODE_DEPLOY"), run.err());
    }

    @Test
    void missingCredentialsAreOneSentenceAndExit3() {
        String c = cluster(true);
        System.clearProperty("aws.accessKeyId");
        try {
            CliRun run = ecs(c, "status");
            assertEquals(3, run.exitCode(), run.toString());
            assertTrue(run.err().startsWith("No AWS credentials were found"), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        } finally {
            System.setProperty("aws.accessKeyId", "AKIDTEST");
        }
    }

    /** ~/.aws as a user of role profiles has it: a base profile's keys, and a profile that assumes a role with them. */
    private static void awsFiles(Path config, Path credentials) throws Exception {
        Files.writeString(config, """
                [profile deploy]
                role_arn = arn:aws:iam::123456789012:role/slipway-deployer
                source_profile = base
                region = eu-west-1
                """);
        Files.writeString(credentials, """
                [base]
                aws_access_key_id = AKIABASEPROFILE00001
                aws_secret_access_key = base-profile-secret
                """);
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    }

    private static void assertAskedThroughTheRole() {
        List<String> assumed = standIn.calls("AssumeRole");
        assertTrue(assumed.get(assumed.size() - 1).contains("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole"
                + "%2Fslipway-deployer"), assumed.toString());
        List<String> signedAssume = standIn.accessKeys("AssumeRole");
        assertEquals("AKIABASEPROFILE00001", signedAssume.get(signedAssume.size() - 1), "the base profile asks STS");
        List<String> signed = standIn.accessKeys("DescribeServices");
        assertEquals(app.slipway.ecs.EcsStandIn.ASSUMED_ACCESS_KEY, signed.get(signed.size() - 1),
                "ECS is asked with the role's credentials");
    }

    @Test
    void aProfileThatAssumesARoleGetsItsCredentialsFromStsFirst() throws Exception {
        String c = cluster(true);
        awsFiles(dir.resolve("aws-config"), dir.resolve("aws-credentials"));
        var saved = Map.of("aws.accessKeyId", System.getProperty("aws.accessKeyId"),
                "aws.secretAccessKey", System.getProperty("aws.secretAccessKey"));
        saved.keySet().forEach(System::clearProperty);
        System.setProperty("aws.profile", "deploy"); // AWS_PROFILE, as the default chain reads it
        try {
            CliRun run = ecs(c, "status");
            assertEquals(0, run.exitCode(), run.toString());
            assertAskedThroughTheRole();
        } finally {
            List.of("aws.configFile", "aws.sharedCredentialsFile", "aws.profile").forEach(System::clearProperty);
            saved.forEach(System::setProperty);
        }
    }

    @Test
    void awsProfileNamesTheProfileOverTheChainsKeysAndGivesItsRegion() throws Exception {
        String c = cluster(true);
        awsFiles(dir.resolve("aws-config-2"), dir.resolve("aws-credentials-2"));
        try {
            // the chain would find aws.accessKeyId (AKIDTEST) first; a named profile is used as 'aws --profile' uses it
            CliRun run = CliRun.of("ecs", "status", "--cluster", c, "--services", "web,job", "--aws-profile", "deploy",
                    "--profile", profile.toString());
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("on ecs://" + c + " (eu-west-1)"), "the profile's region:\n" + run.out());
            assertAskedThroughTheRole();
            CliRun upgrade = CliRun.of("ecs", "upgrade", "--cluster", c, "--services", "web,job", "--aws-profile", "deploy",
                    "--profile", profile.toString(), "--to", "1.4.2", "--yes", "--poll-every", "100ms");
            assertEquals(0, upgrade.exitCode(), upgrade.toString());
            assertTrue(upgrade.out().contains("'slipway ecs rollback --cluster " + c + " --services web,job --region"
                    + " eu-west-1 --aws-profile deploy'"), "the way back names the same credentials:\n" + upgrade.out());

            CliRun unknown = CliRun.of("ecs", "status", "--cluster", c, "--services", "web,job", "--aws-profile",
                    "no-such-profile", "--region", "eu-west-1", "--profile", profile.toString());
            assertEquals(3, unknown.exitCode(), unknown.toString());
            assertEquals("The AWS profile no-such-profile has no credentials (or is not in ~/.aws/config and"
                    + " ~/.aws/credentials): check --aws-profile or AWS_PROFILE.", unknown.err().strip());
        } finally {
            List.of("aws.configFile", "aws.sharedCredentialsFile").forEach(System::clearProperty);
        }
    }

    @Test
    void arnsAreTakenForNames() {
        String c = cluster(true);
        CliRun run = CliRun.of("ecs", "status", "--cluster", "arn:aws:ecs:eu-west-1:123456789012:cluster/" + c,
                "--services", "arn:aws:ecs:eu-west-1:123456789012:service/" + c + "/web,job", "--region", "eu-west-1",
                "--profile", profile.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Acme 1.4.1 on ecs://" + c + " (eu-west-1)"), run.out());
    }

    @Test
    void unknownServicesAndMissingRegionsAreBadInput() {
        String c = cluster(true);
        CliRun run = CliRun.of("ecs", "status", "--cluster", c, "--services", "web,nope", "--region", "eu-west-1");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no active service nope (MISSING)"), run.err());
    }

    private static String revision(String arn) {
        return arn.substring(arn.indexOf("task-definition/") + "task-definition/".length());
    }
}
