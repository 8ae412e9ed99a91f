/**
 * The README's code, compiled: every {@code java} block of the README stands in
 * {@link io.socialink.examples.readme.ReadmeSnippets} line for line, and a test fails when they part.
 */
package io.socialink.examples.readme;
