package org.trainingsuite.gateway.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class BodySizeLimitFilterTests {

    @Test
    void aBodyUpToTheLimitPassesWhole() {
        StepVerifier.create(BodySizeLimitFilter.limited(chunks(4, 256), 1024).map(DataBuffer::readableByteCount))
                .expectNext(256, 256, 256, 256)
                .verifyComplete();
    }

    @Test
    void aBodyPastTheLimitIsDroppedToItsEndAndThenRefused() {
        AtomicInteger produced = new AtomicInteger();
        Flux<DataBuffer> body = chunks(7, 256).doOnNext(chunk -> produced.incrementAndGet());

        StepVerifier.create(BodySizeLimitFilter.limited(body, 1024))
                .expectNextCount(4)
                .expectErrorSatisfies(refused -> assertThat(refused)
                        .isInstanceOfSatisfying(BodySizeLimitFilter.BodyTooLargeException.class,
                                tooLarge -> assertThat(tooLarge.wholeBodyRead).isTrue()))
                .verify();
        assertThat(produced).as("read to its end, within twice the limit").hasValue(7);
    }

    @Test
    void aBodyPastTwiceTheLimitIsNoLongerRead() {
        AtomicInteger produced = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        Flux<DataBuffer> endless = Flux.<DataBuffer>generate(sink -> {
            produced.incrementAndGet();
            sink.next(DefaultDataBufferFactory.sharedInstance.wrap(new byte[256]));
        }).doOnCancel(() -> cancelled.set(true));

        StepVerifier.create(BodySizeLimitFilter.limited(endless, 1024))
                .expectNextCount(4)
                .expectErrorSatisfies(refused -> assertThat(refused)
                        .isInstanceOfSatisfying(BodySizeLimitFilter.BodyTooLargeException.class,
                                tooLarge -> assertThat(tooLarge.wholeBodyRead).isFalse()))
                .verify();
        assertThat(cancelled).as("the client's body is no longer read").isTrue();
        assertThat(produced.get()).isLessThanOrEqualTo(10);
    }

    @Test
    void aRouteLimitIsASizeOrANumberOfBytes() {
        assertThat(BodySizeLimitFilter.limitOf(null, 1024)).isEqualTo(1024);
        assertThat(BodySizeLimitFilter.limitOf("20MB", 1024)).isEqualTo(20L * 1024 * 1024);
        assertThat(BodySizeLimitFilter.limitOf(4096, 1024)).isEqualTo(4096);
        assertThatThrownBy(() -> BodySizeLimitFilter.limitOf("a lot", 1024))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("max-body-size must be a size such as 20MB");
    }

    @Test
    void theLimitIsNamedForPeople() {
        assertThat(BodySizeLimitFilter.readable(1024 * 1024)).isEqualTo("1 MiB (1048576 bytes)");
        assertThat(BodySizeLimitFilter.readable(1536)).isEqualTo("1536 bytes");
        assertThat(BodySizeLimitFilter.readable(512 * 1024)).isEqualTo("512 KiB (524288 bytes)");
    }

    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]));
    }
}
