/** Mounts Socialink's callback intake in a Jakarta Servlet container. */
module io.socialink.servlet {
  requires transitive io.socialink.core;
  requires transitive jakarta.servlet;

  exports io.socialink.servlet;
}
