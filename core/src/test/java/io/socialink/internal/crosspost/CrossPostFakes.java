package io.socialink.internal.crosspost;

import io.socialink.Account;
import io.socialink.Capability;
import io.socialink.Grant;
import io.socialink.Platform;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import io.socialink.crosspost.ContentType;
import io.socialink.crosspost.RecentPost;
import io.socialink.crosspost.SourceItem;
import io.socialink.crosspost.SourceMedia;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.Transport;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.CrossPostSource;
import io.socialink.spi.CrossPostTarget;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.spi.Revocation;
import io.socialink.spi.TextRules;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** In-memory cross-post source and target platforms, and a CDN transport, for the sync's tests. */
final class CrossPostFakes {
  static final AuthorizationScheme SCHEME = new AuthorizationScheme("oauth2", "Fake OAuth", List.of("read"), "fake");

  private CrossPostFakes() {}

  static SocialinkException error(ErrorCategory category, String platform, String message) {
    return SocialinkException.of(Classification.of(category, platform, category == ErrorCategory.RATE_LIMITED ? 429
        : category.isAuthorization() ? 401 : 400, message), null, 1);
  }

  /** A client with the methods every client needs, doing nothing useful. */
  abstract static class BaseClient implements PlatformClient {
    private final AppCredentials credentials;

    BaseClient(AppCredentials credentials) {
      this.credentials = credentials;
    }

    @Override
    public AppCredentials credentials() {
      return credentials;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
      return URI.create("https://fake.example/authorize");
    }

    @Override
    public TokenResponse exchangeCode(CodeExchange exchange) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TokenResponse refresh(Grant grant) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Revocation revoke(Grant grant) {
      return Revocation.REVOKED;
    }

    @Override
    public Account profile(Grant grant) {
      return grant.account();
    }
  }

  abstract static class BaseProvider implements PlatformProvider {
    private final String id;

    BaseProvider(String id) {
      this.id = id;
    }

    @Override
    public Platform platform() {
      return Platform.of(id, "Fake " + id, Set.of(Capability.PROFILE));
    }

    @Override
    public List<AuthorizationScheme> authorizationSchemes() {
      return List.of(SCHEME);
    }

    @Override
    public ResponseInterpreter responseInterpreter() {
      return ResponseInterpreter.generic();
    }
  }

  /** A source whose items the test adds; listed newest first. */
  static final class Source extends BaseProvider {
    final List<SourceItem> items = new ArrayList<>(); // oldest first
    final AtomicInteger lists = new AtomicInteger();
    volatile RuntimeException nextListFailure;

    Source() {
      super("src");
    }

    synchronized SourceItem add(String id, Instant at, ContentType type, Optional<String> caption, String... files) {
      List<SourceMedia> media = new ArrayList<>();
      for (String f : files) {
        media.add(new SourceMedia(URI.create("https://cdn.test/" + f), f.endsWith(".mp4") ? "video/mp4" : "image/jpeg"));
      }
      SourceItem item = new SourceItem(id, at, type, caption, Optional.of(URI.create("https://src.test/p/" + id)), media);
      items.add(item);
      return item;
    }

    @Override
    public PlatformClient createClient(ProviderContext context) {
      return new SourceClient(context.credentials());
    }

    final class SourceClient extends BaseClient implements CrossPostSource {
      SourceClient(AppCredentials c) {
        super(c);
      }

      @Override
      public List<SourceItem> recentItems(Grant grant, int limit) {
        lists.incrementAndGet();
        RuntimeException f = nextListFailure;
        if (f != null) {
          nextListFailure = null;
          throw f;
        }
        synchronized (Source.this) {
          List<SourceItem> out = new ArrayList<>(items);
          java.util.Collections.reverse(out);
          return List.copyOf(out.subList(0, Math.min(limit, out.size())));
        }
      }
    }
  }

  /** A target that keeps its posts, answers duplicates of a text, and fails as the test scripts. */
  static final class Target extends BaseProvider {
    final List<RecentPost> posts = new ArrayList<>(); // newest first
    final List<Post> received = new ArrayList<>();
    final List<Integer> receivedMediaBytes = new ArrayList<>();
    final Deque<RuntimeException> publishFailures = new ArrayDeque<>();
    final AtomicInteger lookups = new AtomicInteger();
    volatile RuntimeException failAfterPosting;
    volatile boolean sendsText = true;
    volatile boolean listsOwnPosts = true;
    volatile boolean rejectsDuplicates = true;
    volatile Function<SourceItem, Optional<String>> refusal = i -> Optional.empty();
    volatile RuntimeException refreshFailure = new UnsupportedOperationException("no refresh in this test");
    private final Clock clock;
    private int next = 100;

    Target(Clock clock) {
      super("dst");
      this.clock = clock;
    }

    @Override
    public TextRules textRules() {
      return TextRules.codePoints(60);
    }

    @Override
    public PlatformClient createClient(ProviderContext context) {
      return new TargetClient(context.credentials());
    }

    synchronized List<String> texts() {
      List<String> out = new ArrayList<>();
      posts.forEach(p -> out.add(0, p.text()));
      return out;
    }

    final class TargetClient extends BaseClient implements CrossPostTarget {
      TargetClient(AppCredentials c) {
        super(c);
      }

      @Override
      public TokenResponse refresh(Grant grant) {
        throw refreshFailure;
      }

      @Override
      public Optional<String> refusal(SourceItem item) {
        return refusal.apply(item);
      }

      @Override
      public boolean sendsText() {
        return sendsText;
      }

      @Override
      public boolean listsOwnPosts() {
        return listsOwnPosts;
      }

      @Override
      public PublishedPost publish(Grant grant, Post post) {
        synchronized (Target.this) {
          RuntimeException f = publishFailures.poll();
          if (f != null) {
            throw f;
          }
          if (rejectsDuplicates && !post.text().isEmpty() && posts.stream().anyMatch(p -> p.text().equals(post.text()))) {
            throw error(ErrorCategory.DUPLICATE, "dst", "You are not allowed to create a Tweet with duplicate content.");
          }
          received.add(post);
          int bytes = 0;
          for (var m : post.media()) {
            try (InputStream in = m.source().open()) {
              bytes += in.readAllBytes().length;
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }
          receivedMediaBytes.add(bytes);
          String id = "post-" + next++;
          posts.add(0, new RecentPost(id, post.text(), Optional.of(clock.instant())));
          RuntimeException after = failAfterPosting;
          if (after != null) {
            failAfterPosting = null;
            throw after;
          }
          return new PublishedPost("dst", id, Optional.empty());
        }
      }

      @Override
      public List<RecentPost> recentPosts(Grant grant, int limit) {
        lookups.incrementAndGet();
        synchronized (Target.this) {
          return List.copyOf(posts.subList(0, Math.min(limit, posts.size())));
        }
      }
    }
  }

  /** Serves {@code https://cdn.test/<name>}: a few bytes, or 404 for names starting with {@code gone}. */
  static Transport cdn() {
    return request -> {
      String name = request.uri().getPath().substring(1);
      if (!request.uri().getHost().equals("cdn.test") || name.startsWith("gone")) {
        return ApiResponse.of(404, Headers.empty(), "not found");
      }
      String type = name.endsWith(".mp4") ? "video/mp4" : "image/jpeg";
      return new ApiResponse(200, Headers.of("content-type", type), ("bytes of " + name).getBytes(StandardCharsets.UTF_8));
    };
  }
}
