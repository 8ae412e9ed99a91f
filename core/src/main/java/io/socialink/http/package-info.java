/**
 * Request and response values of the call pipeline, and the JSON codec providers use.
 */
@NullMarked
package io.socialink.http;

import org.jspecify.annotations.NullMarked;
