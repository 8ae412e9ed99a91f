package io.socialink.testkit.internal.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route table: method plus path pattern to handler, first match wins. A pattern is a literal path
 * whose segments may be {@code {name}} (any segment) or {@code {name:regex}}; the captured segments
 * reach the handler as {@link Call#params()}. Built once, then read by many threads.
 */
public final class Routes {
  private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)(?::([^}]+))?}");

  private record Route(String method, Pattern path, List<String> names, Predicate<Call> when,
      Function<Call, Reply> handler) {}

  private final List<Route> routes = new ArrayList<>();

  /**
   * Adds a route.
   *
   * @param method the method
   * @param pattern the path pattern
   * @param handler what answers
   * @return this table
   */
  public Routes add(String method, String pattern, Function<Call, Reply> handler) {
    return add(method, pattern, c -> true, handler);
  }

  /**
   * Adds a route that matches only when a condition on the call holds (e.g. a query parameter).
   *
   * @param method the method
   * @param pattern the path pattern
   * @param when the condition
   * @param handler what answers
   * @return this table
   */
  public Routes add(String method, String pattern, Predicate<Call> when, Function<Call, Reply> handler) {
    Objects.requireNonNull(method, "method");
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder();
    Matcher m = PARAM.matcher(pattern);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(pattern.substring(last, m.start())));
      names.add(m.group(1));
      regex.append('(').append(m.group(2) == null ? "[^/]+" : m.group(2)).append(')');
      last = m.end();
    }
    regex.append(Pattern.quote(pattern.substring(last)));
    routes.add(new Route(method, Pattern.compile(regex.toString()), List.copyOf(names),
        Objects.requireNonNull(when, "when"), Objects.requireNonNull(handler, "handler")));
    return this;
  }

  /**
   * Finds the route for a call and runs its handler.
   *
   * @param call the call
   * @return the answer, or empty when no route matches
   */
  public Optional<Reply> dispatch(Call call) {
    for (Route r : routes) {
      if (!r.method().equals(call.method())) {
        continue;
      }
      Matcher m = r.path().matcher(call.path());
      if (!m.matches()) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < r.names().size(); i++) {
        params.put(r.names().get(i), m.group(i + 1));
      }
      Call matched = call.withParams(params);
      if (r.when().test(matched)) {
        return Optional.of(r.handler().apply(matched));
      }
    }
    return Optional.empty();
  }
}
