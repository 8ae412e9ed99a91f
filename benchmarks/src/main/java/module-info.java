/**
 * JMH benchmarks of Socialink. Not published; the shaded {@code benchmarks.jar} runs them on the
 * class path. JMH ships no module name, so it is required by its file-based automatic name.
 */
module io.socialink.benchmarks {
  requires io.socialink.core;
  requires com.fasterxml.jackson.databind;
  requires jmh.core;
  requires jdk.httpserver;
  requires java.net.http;

  opens io.socialink.benchmarks to com.fasterxml.jackson.databind, jmh.core;
  opens io.socialink.benchmarks.jmh_generated to jmh.core;
}
