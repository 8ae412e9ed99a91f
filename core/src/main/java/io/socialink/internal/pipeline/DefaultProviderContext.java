package io.socialink.internal.pipeline;

import io.socialink.Platform;
import io.socialink.auth.AppCredentials;
import io.socialink.http.CallExecutor;
import io.socialink.http.JsonCodec;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.Sleeper;
import java.time.Clock;

/**
 * The context core hands to providers.
 *
 * @param platform the platform
 * @param credentials the credentials
 * @param calls the pipeline
 * @param json the codec
 * @param clock the clock
 * @param sleeper how to wait
 */
public record DefaultProviderContext(
    Platform platform, AppCredentials credentials, CallExecutor calls, JsonCodec json, Clock clock, Sleeper sleeper)
    implements ProviderContext {}
