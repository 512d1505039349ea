package app.slipway.cli;

import app.slipway.core.SlipwayException;
import java.io.Console;

/** Asks before a change, on a terminal; a script must say --yes instead. */
final class Confirmation {
    private Confirmation() {}

    static void require(boolean yes, String question) {
        if (yes) return;
        Console console = System.console();
        if (console == null) {
            throw SlipwayException.badInput("Nothing was changed: there is no terminal to ask \"" + question
                    + "\"; add --yes to go ahead without asking.");
        }
        String answer = console.readLine("%s [y/N] ", question);
        if (answer == null || !answer.strip().toLowerCase().startsWith("y")) {
            throw SlipwayException.badInput("Nothing was changed: you did not confirm.");
        }
    }
}
