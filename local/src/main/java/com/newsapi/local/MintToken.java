package com.newsapi.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Prints a bearer token the local API accepts: {@code make token} (an editor for an hour), or with
 * arguments {@code SUBJECT GROUPS MINUTES} (groups comma-separated, e.g. {@code alice readers 5}).
 */
public final class MintToken {

    private MintToken() {
    }

    public static void main(String[] args) {
        System.out.println(token(args, LocalTokens.inFolder(Path.of(".local")), Clock.systemUTC()));
    }

    /** The token {@code args} ask for, signed by {@code tokens}, issued at {@code clock}'s now. */
    static String token(String[] args, LocalTokens tokens, Clock clock) {
        String subject = args.length > 0 ? args[0] : "local-editor";
        List<String> groups = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of("editors");
        long minutes = args.length > 2 ? Long.parseLong(args[2]) : 60;
        return tokens.mint(subject, groups, clock.instant(), Duration.ofMinutes(minutes), LocalTokens.AUDIENCE);
    }
}
