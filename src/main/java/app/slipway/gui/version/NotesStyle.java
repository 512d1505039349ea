package app.slipway.gui.version;

/**
 * The notes page's look inside the app: the renderer's page is made for a browser (white paper);
 * here it takes the window's background and Primer's light or dark text colours, which AtlantaFX's
 * PrimerLight/PrimerDark themes use too. A web page cannot read JavaFX looked-up colours, hence the values.
 */
final class NotesStyle {
    private record Palette(String fg, String muted, String border, String subtle, String accent, String danger,
                           String dangerSubtle) {}

    private static final Palette LIGHT = new Palette("#1f2328", "#656d76", "#d0d7de", "#f6f8fa", "#0969da",
            "#cf222e", "#ffebe9");
    private static final Palette DARK = new Palette("#e6edf3", "#7d8590", "#30363d", "#161b22", "#2f81f7",
            "#f85149", "rgba(248,81,73,0.15)");

    private NotesStyle() {}

    /** {@code page} with the theme's stylesheet added last in its head, so it wins over the page's own. */
    static String themed(String page, boolean dark) {
        String style = "<style id=\"slipway-theme\">\n" + css(dark ? DARK : LIGHT) + "</style>\n";
        int head = page.indexOf("</head>");
        return head < 0 ? style + page : page.substring(0, head) + style + page.substring(head);
    }

    static String css(boolean dark) {
        return css(dark ? DARK : LIGHT);
    }

    private static String css(Palette p) {
        return """
                html,body{background:transparent;color:%1$s}
                body{font-size:14px}
                main{max-width:none;padding:.25rem 1rem 1rem}
                h1{font-size:1.25rem;margin-top:.5rem}
                h2{font-size:1.1rem;border-bottom-color:%3$s}
                a{color:%5$s}
                .notice{background:%4$s;border-left-color:%2$s}
                .breaking{background:%7$s;border-color:%6$s}
                .breaking h2{color:%6$s}
                th,td{border-color:%3$s}
                code,pre{background:%4$s}
                ::-webkit-scrollbar{width:10px;height:10px;background:transparent}
                ::-webkit-scrollbar-thumb{background:%3$s;border-radius:5px}
                """.formatted(p.fg(), p.muted(), p.border(), p.subtle(), p.accent(), p.danger(), p.dangerSubtle());
    }
}
