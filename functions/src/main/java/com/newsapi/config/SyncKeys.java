package com.newsapi.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The keys that sign and check list cursors and sync tokens ({@link com.newsapi.codec.SignedPositions}),
 * read once per container at init (so, with SnapStart, before the snapshot, and never on a request).
 *
 * <p>{@code SYNC_TOKEN_KEY}, when set, holds them (local API, {@code sam local}); otherwise the
 * SecureString parameter that {@code SYNC_TOKEN_KEY_PARAMETER} names does. Either may hold several
 * keys separated by commas or newlines: the first signs, every one is accepted, so a key can be
 * rotated (put the new one first, drop the old one once its tokens have aged out) without sending
 * every client back to a full sync.
 */
public final class SyncKeys {

    private SyncKeys() {
    }

    /** From the settings, reading Parameter Store (with a client of {@code ssm}, closed after) only if {@code SYNC_TOKEN_KEY} is unset. */
    static List<String> load(Config config, Supplier<SsmClient> ssm) {
        return resolve(config::optional, name -> {
            try (SsmClient client = ssm.get()) {
                return client.getParameter(get -> get.name(name).withDecryption(true)).parameter().value();
            } catch (SdkException e) {
                throw new IllegalStateException("Could not read the sync token key from Parameter Store parameter " + name
                        + " (named by " + Config.SYNC_TOKEN_KEY_PARAMETER + ")", e);
            }
        });
    }

    /**
     * The key-source rule.
     *
     * @param settings       a setting by name, empty when unset or blank
     * @param parameterStore the decrypted value of a parameter, by name
     */
    static List<String> resolve(Function<String, Optional<String>> settings, UnaryOperator<String> parameterStore) {
        String value = settings.apply(Config.SYNC_TOKEN_KEY)
                .or(() -> settings.apply(Config.SYNC_TOKEN_KEY_PARAMETER).map(parameterStore))
                .orElseThrow(() -> new IllegalStateException("Missing configuration: set " + Config.SYNC_TOKEN_KEY
                        + " (the key itself, for local runs) or " + Config.SYNC_TOKEN_KEY_PARAMETER
                        + " (the name of the Parameter Store SecureString holding it)"));
        List<String> keys = split(value);
        if (keys.isEmpty()) {
            throw new IllegalStateException("The sync token key setting holds no key");
        }
        return keys;
    }

    /** One key per comma- or line-separated part, trimmed; empty parts are ignored. */
    static List<String> split(String value) {
        return Arrays.stream(value.split("[,\\r\\n]+")).map(String::strip).filter(key -> !key.isEmpty()).toList();
    }
}
