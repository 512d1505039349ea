package app.slipway.cli;

import java.io.PrintWriter;

/**
 * The one sentence a command ends with, printed once: on stdout when it went well, on stderr
 * when it did not — so a script reading stderr gets the failure, and a person whose terminal
 * shows both streams reads it once. Progress already written to stdout is flushed first, so
 * the sentence is the last line either way.
 */
final class LastSentence {
    private LastSentence() {}

    static void print(PrintWriter out, PrintWriter err, boolean succeeded, String sentence) {
        out.flush();
        PrintWriter to = succeeded ? out : err;
        to.println(sentence);
        to.flush();
    }
}
