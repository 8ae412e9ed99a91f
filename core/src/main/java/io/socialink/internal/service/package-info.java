/**
 * Not API: the implementations of the services {@link io.socialink.Socialink} hands out, each over
 * the shared {@link io.socialink.internal.runtime.SocialinkRuntime}. Exported to no one.
 */
@NullMarked
package io.socialink.internal.service;

import org.jspecify.annotations.NullMarked;
