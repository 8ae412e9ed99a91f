package io.socialink.tiktok.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import org.junit.jupiter.api.Test;

/** TikTok's chunk rules (fact sheet §5, media transfer guide). */
class VideoUploaderTest {
  @Test
  void theDocumentedExampleCutsIntoFiveChunksTheLastCarryingTheRemainder() {
    VideoUploader.ChunkPlan p = VideoUploader.plan(50_000_123L, 10_000_000L);

    assertThat(p.totalChunkCount()).isEqualTo(5);
    assertThat(p.size(0)).isEqualTo(10_000_000L);
    assertThat(p.size(4)).isEqualTo(10_000_123L);
  }

  @Test
  void aVideoSmallerThanAChunkIsOneWholeChunk() {
    VideoUploader.ChunkPlan p = VideoUploader.plan(4_000_000L, 10_000_000L);

    assertThat(p.totalChunkCount()).isEqualTo(1);
    assertThat(p.chunkSize()).isEqualTo(4_000_000L);
    assertThat(p.size(0)).isEqualTo(4_000_000L);
  }

  @Test
  void anExactMultipleHasNoRemainderAndTheLimitsHold() {
    assertThat(VideoUploader.plan(30_000_000L, 10_000_000L).totalChunkCount()).isEqualTo(3);
    assertThat(VideoUploader.plan(30_000_000L, 10_000_000L).size(2)).isEqualTo(10_000_000L);
    long most = VideoUploader.MAX_CHUNK_BYTES * 2 - 1;
    assertThat(VideoUploader.plan(most, VideoUploader.MAX_CHUNK_BYTES).size(0)).isEqualTo(most)
        .isLessThanOrEqualTo(VideoUploader.MAX_FINAL_CHUNK_BYTES);
    assertThatThrownBy(() -> VideoUploader.plan(10, 1024)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VideoUploader.plan(10, VideoUploader.MAX_CHUNK_BYTES + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(VideoUploader.plan(1000L * VideoUploader.MIN_CHUNK_BYTES, VideoUploader.MIN_CHUNK_BYTES).totalChunkCount())
        .isEqualTo(1000);
    assertThatThrownBy(() -> VideoUploader.plan(1001L * VideoUploader.MIN_CHUNK_BYTES, VideoUploader.MIN_CHUNK_BYTES))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST));
  }
}
