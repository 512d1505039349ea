package app.slipway.core.stack;

/**
 * How a value is written after {@code KEY=} in a .env file, and which values each way can carry
 * so that docker compose reads back exactly the value we meant.
 */
enum EnvValueStyle {
    /** {@code KEY=value}: compose trims it, cuts it at " #" and interpolates {@code $}. */
    UNQUOTED {
        @Override
        boolean canHold(String value) {
            if (value.isEmpty()) {
                return true;
            }
            char first = value.charAt(0);
            char last = value.charAt(value.length() - 1);
            return first != '\'' && first != '"' && first != '#'
                    && !isSpace(first) && !isSpace(last)
                    && !value.contains(" #") && value.indexOf('$') < 0 && hasNoLineBreak(value);
        }

        @Override
        String render(String value) {
            return value;
        }
    },
    /** {@code KEY='value'}: literal, no interpolation; only {@code \'} is an escape. */
    SINGLE_QUOTED {
        @Override
        boolean canHold(String value) {
            // No way to write a quote without it turning into an escape, nor a trailing backslash.
            return value.indexOf('\'') < 0 && !value.endsWith("\\") && hasNoLineBreak(value);
        }

        @Override
        String render(String value) {
            return "'" + value + "'";
        }
    },
    /** {@code KEY="value"}: backslash escapes; {@code \$} keeps a dollar from being interpolated. */
    DOUBLE_QUOTED {
        @Override
        boolean canHold(String value) {
            return hasNoLineBreak(value);
        }

        @Override
        String render(String value) {
            StringBuilder out = new StringBuilder(value.length() + 2).append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' || c == '"' || c == '$') {
                    out.append('\\');
                }
                out.append(c);
            }
            return out.append('"').toString();
        }
    };

    abstract boolean canHold(String value);

    abstract String render(String value);

    /** The style for a value that does not fit the line's current style. */
    static EnvValueStyle quotedFor(String value) {
        return SINGLE_QUOTED.canHold(value) ? SINGLE_QUOTED : DOUBLE_QUOTED;
    }

    /**
     * The style for a newly appended line: bare only for characters that mean nothing to compose
     * nor to a shell that sources the file (install scripts do), so secrets like base64 stay bare.
     */
    static EnvValueStyle forNewLine(String value) {
        return value.matches("[A-Za-z0-9_./:@+,=%-]*") ? UNQUOTED : quotedFor(value);
    }

    static boolean hasNoLineBreak(String value) {
        return value.indexOf('\n') < 0 && value.indexOf('\r') < 0;
    }

    /** What compose trims around a value: its own space set plus Unicode spaces. */
    static boolean isSpace(char c) {
        return c == '\u0085' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
