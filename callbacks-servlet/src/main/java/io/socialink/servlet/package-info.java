/**
 * The Jakarta Servlet adapter of the callback intake: {@link io.socialink.servlet.CallbackServlet}.
 */
@NullMarked
package io.socialink.servlet;

import org.jspecify.annotations.NullMarked;
