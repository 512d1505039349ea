package app.slipway.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeFileEditorTest {

    private static final String STRATA = """
            # Strata — docker-compose.yml written by install.sh
            # The worker runs background jobs.

            x-app: &app
              image: registry.gitlab.com/stratado/server:${STRATA_VERSION:-latest}
              env_file: .env   # secrets live here
              network_mode: host

            services:
              web:
                <<: *app
                command: ./bin/rails server
                depends_on:
                  - db
                  - worker   # needs the queue
                healthcheck:
                  test: ["CMD", "curl", "-f", "http://127.0.0.1:3000/up"]
                  start_period: 60s

              worker:
                <<: *app
                command: ./bin/jobs start   # the worker command
                container_name: strata-worker
                environment:
                  ROLE: worker

              db:
                image: postgres:16
                volumes:
                  - db-data:/var/lib/postgresql/data

            volumes:
              db-data:
            """;

    @Test
    void renamesTheServiceAndItsDependentsKeepingEverythingElse() {
        String renamed = ComposeFileEditor.renameService(STRATA, "worker", "job");
        String expected = STRATA
                .replace("  worker:\n    <<: *app", "  job:\n    <<: *app")
                .replace("- worker   # needs the queue", "- job   # needs the queue");
        assertEquals(expected, renamed);
        assertEquals(List.of("web", "job", "db"), ComposeFileEditor.serviceNames(renamed));
    }

    @Test
    void isIdempotent() {
        String once = ComposeFileEditor.renameService(STRATA, "worker", "job");
        assertSame(once, ComposeFileEditor.renameService(once, "worker", "job"));
        assertSame(STRATA, ComposeFileEditor.renameService(STRATA, "absent", "job"));
        assertSame(STRATA, ComposeFileEditor.renameService(STRATA, "worker", "worker"));
    }

    @Test
    void serviceNamesAreInFileOrder() {
        assertEquals(List.of("web", "worker", "db"), ComposeFileEditor.serviceNames(STRATA));
        assertTrue(ComposeFileEditor.hasService(STRATA, "worker"));
        assertFalse(ComposeFileEditor.hasService(STRATA, "job"));
        assertFalse(ComposeFileEditor.hasService(STRATA, "x-app"));
        assertEquals(List.of(), ComposeFileEditor.serviceNames("services: {}\n"));
    }

    @Test
    void keepsCrlfLineEndings() {
        String text = STRATA.replace("\n", "\r\n");
        String expected = text
                .replace("  worker:\r\n    <<: *app", "  job:\r\n    <<: *app")
                .replace("- worker   # needs", "- job   # needs");
        assertEquals(expected, ComposeFileEditor.renameService(text, "worker", "job"));
    }

    @Test
    void convertsCodePointMarksPastEmojiAndMultibyteText() {
        String text = """
                # 🚀 Strata — déploiement 😀😀
                services:
                  web:
                    labels:
                      description: "naïve café ☕ 🎉🎉🎉"
                    depends_on: [worker]   # 👷 waits
                  "worker":   # 👷‍♀️ emoji with joiners
                    image: app:1
                  db:
                    depends_on:
                      worker: {condition: service_started}
                """;
        String expected = text
                .replace("[worker]", "[job]")
                .replace("\"worker\":", "\"job\":")
                .replace("      worker: {condition", "      job: {condition");
        assertEquals(expected, ComposeFileEditor.renameService(text, "worker", "job"));
    }

    @Test
    void renamesInFlowStyleDependsOn() {
        String text = "services:\n  web:\n    depends_on: [worker, db, 'worker2']\n  worker:\n    image: x\n  db: {image: y}\n";
        assertEquals(text.replace("[worker, db", "[job, db").replace("  worker:\n", "  job:\n"),
                ComposeFileEditor.renameService(text, "worker", "job"));
    }

    @Test
    void renamesMapStyleDependsOnAndKeepsConditions() {
        String text = """
                services:
                  web:
                    depends_on:
                      db:
                        condition: service_healthy
                      'worker':
                        condition: service_started
                        restart: true
                  worker:
                    image: x
                  db:
                    image: y
                """;
        String expected = text.replace("'worker':", "'job':").replace("  worker:\n    image", "  job:\n    image");
        assertEquals(expected, ComposeFileEditor.renameService(text, "worker", "job"));
    }

    @Test
    void renamesLinksKeepingTheirAlias() {
        String text = """
                services:
                  web:
                    links:
                      - worker
                      - "worker:queue"
                      - db:database
                      - worker2
                  worker: {image: x}
                  worker2: {image: x}
                  db: {image: y}
                """;
        String expected = text
                .replace("- worker\n", "- job\n")
                .replace("\"worker:queue\"", "\"job:queue\"")
                .replace("  worker: {image", "  job: {image");
        assertEquals(expected, ComposeFileEditor.renameService(text, "worker", "job"));
    }

    @Test
    void renamesExtendsOnlyWithinTheSameFile() {
        String text = """
                services:
                  worker: {image: x}
                  web:
                    extends: {service: worker}
                  web2:
                    extends:
                      file: common.yml
                      service: worker
                  web3:
                    extends: worker
                """;
        String expected = text
                .replace("  worker: {image", "  job: {image")
                .replace("{service: worker}", "{service: job}")
                .replace("extends: worker", "extends: job");
        assertEquals(expected, ComposeFileEditor.renameService(text, "worker", "job"));
    }

    @Test
    void renamesVolumesFromAndServiceNetworkModes() {
        String text = """
                services:
                  worker: {image: x}
                  a:
                    volumes_from: [worker, "worker:ro", service:worker:rw, container:worker]
                    network_mode: "service:worker"
                    ipc: service:worker
                    pid: host
                """;
        String expected = text
                .replace("  worker: {image", "  job: {image")
                .replace("[worker, \"worker:ro\", service:worker:rw,", "[job, \"job:ro\", service:job:rw,")
                .replace("\"service:worker\"", "\"service:job\"")
                .replace("ipc: service:worker", "ipc: service:job");
        assertEquals(expected, ComposeFileEditor.renameService(text, "worker", "job"));
    }

    @Test
    void editsASharedAnchorOnceAndKeepsAliases() {
        String text = """
                x-deps: &deps
                  depends_on: [worker, db]
                x-list: &list
                  - worker
                services:
                  web:
                    <<: *deps
                    image: web
                  api:
                    <<: [*deps]
                  admin:
                    depends_on: *list
                  cron:
                    depends_on: *list
                  worker: &w
                    image: x
                  worker-copy: *w
                  db: {image: y}
                """;
        String expected = text
                .replace("[worker, db]", "[job, db]")
                .replace("  - worker\n", "  - job\n")
                .replace("  worker: &w", "  job: &w");
        assertEquals(expected, ComposeFileEditor.renameService(text, "worker", "job"));
    }

    @Test
    void keepsAnchorsAndTagsOnARenamedScalar() {
        String text = "services:\n  &k worker: {image: x}\n  web:\n    depends_on: [!!str worker, &d db]\n  db: {}\n";
        assertEquals("services:\n  &k job: {image: x}\n  web:\n    depends_on: [!!str job, &d db]\n  db: {}\n",
                ComposeFileEditor.renameService(text, "worker", "job"));
    }

    @Test
    void leavesLookalikesAlone() {
        String text = """
                # worker: this comment mentions worker
                services:
                  worker:
                    image: example/worker:1.2   # worker
                    command: worker --queue=worker
                    hostname: worker
                  worker2:
                    depends_on: [worker-legacy]
                  worker-legacy:
                    environment:
                      - WORKER=worker
                    labels:
                      worker: "true"
                """;
        String expected = text.replace("  worker:\n    image", "  job:\n    image");
        assertEquals(expected, ComposeFileEditor.renameService(text, "worker", "job"));
    }

    @Test
    void quotesANewNameThatWouldNotReadAsAString() {
        String text = "services:\n  worker: {image: x}\n  web:\n    depends_on: [worker]\n";
        assertEquals("services:\n  \"123\": {image: x}\n  web:\n    depends_on: [\"123\"]\n",
                ComposeFileEditor.renameService(text, "worker", "123"));
    }

    @Test
    void worksWithoutATrailingNewline() {
        String text = "services:\n  web:\n    depends_on:\n      - worker\n  worker:\n    image: x";
        assertEquals("services:\n  web:\n    depends_on:\n      - job\n  job:\n    image: x",
                ComposeFileEditor.renameService(text, "worker", "job"));
    }

    @Test
    void editsJsonComposeFiles() {
        String text = "{\"services\":{\"web\":{\"depends_on\":[\"worker\"],\"links\":[\"worker:q\"]},"
                + "\"worker\":{\"image\":\"worker\"}}}";
        assertEquals(text.replace("[\"worker\"]", "[\"job\"]").replace("\"worker:q\"", "\"job:q\"")
                        .replace("\"worker\":{", "\"job\":{"),
                ComposeFileEditor.renameService(text, "worker", "job"));
    }

    @Test
    void keepsAByteOrderMark() {
        String text = "\uFEFFservices:\n  worker: {image: x}\n";
        assertEquals("\uFEFFservices:\n  job: {image: x}\n", ComposeFileEditor.renameService(text, "worker", "job"));
    }
}
