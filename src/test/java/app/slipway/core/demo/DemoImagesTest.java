package app.slipway.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.fakes.InMemoryEngine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/** The demo's images are made from files Slipway carries and this machine's static busybox. */
class DemoImagesTest {
    /** The testbed installs busybox-static (testbed/up.sh); the demo's README command does too. */
    private static final Path BUSYBOX = StaticBusybox.find();

    private static Map<String, TarArchiveEntry> entries(byte[] tar, Map<String, String> texts) throws Exception {
        var all = new HashMap<String, TarArchiveEntry>();
        try (var in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                all.put(e.getName(), e);
                if (e.isFile() && e.getSize() < 4096) texts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    @Test
    void anImageHoldsBusyboxItsAppletsTheTwoProgramsAndItsVersion() throws Exception {
        var texts = new HashMap<String, String>();
        var entries = entries(DemoImages.rootfs(BUSYBOX, DemoImages.NEXT), texts);
        assertTrue(entries.get("bin/busybox").isFile());
        assertEquals(0755, entries.get("bin/web").getMode() & 0777);
        assertTrue(entries.get("bin/httpd").isSymbolicLink());
        assertEquals("busybox", entries.get("bin/sh").getLinkName());
        assertEquals("1.1.0\n", texts.get("version"));
        assertTrue(texts.get("bin/web").startsWith("#!/bin/sh"), texts.get("bin/web"));
        assertFalse(entries.containsKey("etc/demo-broken"));
        assertTrue(entries(DemoImages.rootfs(BUSYBOX, DemoImages.BROKEN), new HashMap<>()).containsKey("etc/demo-broken"),
                "the last version is broken on purpose");
    }

    @Test
    void onlyTheVersionsTheEngineLacksAreMade() {
        var engine = new InMemoryEngine();
        engine.importImage(new ByteArrayInputStream(new byte[0]), DemoImages.REPOSITORY, DemoImages.FIRST);
        var said = new java.util.ArrayList<String>();
        DemoImages.ensure(engine, said::add);
        assertEquals(List.of("Making slipway-demo/app:1.1.0…", "Making slipway-demo/app:1.2.0 (broken on purpose)…"), said);
        assertTrue(engine.imageExistsLocally("slipway-demo/app:1.2.0"));
    }

    @Test
    void aDynamicallyLinkedProgramIsNotStatic() {
        assertTrue(StaticBusybox.isStatic(BUSYBOX));
        assertFalse(StaticBusybox.isStatic(Path.of("/bin/ls")), "ls needs its libc");
    }
}
