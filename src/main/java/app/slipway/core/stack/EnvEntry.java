package app.slipway.core.stack;

/**
 * One {@code KEY=value} statement of a .env file and where its parts sit in the text, so its
 * value can be swapped while every other byte stays put.
 *
 * <p>Offsets are string indices: {@code start} is the first character of its first line,
 * {@code [valueStart, valueEnd)} is the value as written (quotes included), {@code contentEnd}
 * is the end of its last line before {@code lineEnding} ("\r\n", "\n", or "" at end of file).
 * A quoted value may span several lines, as compose allows.
 */
record EnvEntry(
        String key,
        String value,
        EnvValueStyle style,
        int start,
        int valueStart,
        int valueEnd,
        int contentEnd,
        String lineEnding) {

    int end() {
        return contentEnd + lineEnding.length();
    }

    /** Its own style if that can carry {@code value} on this line, else quotes. */
    EnvValueStyle styleFor(String value, String text) {
        // compose skips the spaces after '=', so in "KEY= # note" the note would become the value
        boolean emptyBeforeComment = value.isEmpty() && text.substring(valueEnd, contentEnd).contains("#");
        boolean fits = style.canHold(value) && !(style == EnvValueStyle.UNQUOTED && emptyBeforeComment);
        return fits ? style : EnvValueStyle.quotedFor(value);
    }

    /** The entry as one line holding {@code renderedValue}, with its prefix, comment and ending kept. */
    String withValue(String text, String renderedValue) {
        return text.substring(start, valueStart) + renderedValue + text.substring(valueEnd, contentEnd) + lineEnding;
    }
}
