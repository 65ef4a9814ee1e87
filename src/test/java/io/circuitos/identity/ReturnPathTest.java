package io.circuitos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A sign-in returns to a path on this server only: every other "return" goes to Tasklist (no open redirect). */
class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/trace/win-back/WB-DEMO-1", "/trace/support-escalation/HD-3002?run=abc", "/camunda/app/tasklist/",
            "/trace/conversation/CHAT%204001"})
    void aLocalPathIsKept(String path) {
        assertThat(ReturnPath.safe(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"//evil.example/trace", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "trace/x",
            "/trace/a b", "/trace/x\r\nSet-Cookie: a=b", "/trace/\u0000", "http:/evil.example"})
    void anythingElseGoesToTasklist(String hostile) {
        assertThat(ReturnPath.safe(hostile)).isEqualTo(ReturnPath.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(ints = {2049, 100_000})
    void anOverlongReturnGoesToTasklist(int length) {
        assertThat(ReturnPath.safe("/" + "a".repeat(length))).isEqualTo(ReturnPath.DEFAULT);
    }
}
