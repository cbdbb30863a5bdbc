package vn.htxconnect.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypingCorrectionsTests {

    @Test
    void realSyllablesAreLeftAlone() {
        for (String w : new String[] {"nuoc", "mam", "thanh", "long", "nghe", "khuya", "nguyen", "xuat", "ruou", "tieu",
                "quoc", "xoai", "gao", "huynh", "giong", "ke", "xoong", "luat", "chuan", "khoe", "thuy"}) {
            assertThat(TypingCorrections.isSyllable(w)).as(w).isTrue();
            assertThat(TypingCorrections.correct(w)).as(w).isEqualTo(w);
        }
        for (String w : new String[] {"nuocmam", "robusta", "st", "ce", "ka", "ngi", "phee", "caf", "tien0"}) {
            assertThat(TypingCorrections.isSyllable(w)).as(w).isFalse();
        }
    }

    @Test
    void runTogetherSyllablesAreSplit() {
        assertThat(TypingCorrections.correct("nuocmam")).isEqualTo("nuoc mam");
        assertThat(TypingCorrections.correct("thanhlong")).isEqualTo("thanh long");
        assertThat(TypingCorrections.correct("hanhtim")).isEqualTo("hanh tim");
        assertThat(TypingCorrections.correct("mangcau")).isEqualTo("mang cau");
        assertThat(TypingCorrections.corrections("matong")).contains("mat ong", "ma tong");
        assertThat(TypingCorrections.correct("phuquoc")).isEqualTo("phu quoc");
        assertThat(TypingCorrections.correct("nuocmamphuquoc")).isEqualTo("nuoc mam phu quoc");
        assertThat(TypingCorrections.correct("robusta")).isEqualTo("robusta");
    }

    @Test
    void telexVniAndDoubledLettersAreUndone() {
        assertThat(TypingCorrections.correct("caf")).isEqualTo("ca");
        assertThat(TypingCorrections.correct("phee")).isEqualTo("phe");
        assertThat(TypingCorrections.correct("mawtj")).isEqualTo("mat");
        assertThat(TypingCorrections.correct("nuwowcs")).isEqualTo("nuoc");
        assertThat(TypingCorrections.correct("ca2")).isEqualTo("ca");
        assertThat(TypingCorrections.correct("phe6")).isEqualTo("phe");
        assertThat(TypingCorrections.correct("ri6")).isEqualTo("ri6");
        assertThat(TypingCorrections.correct("sauriengri6")).isEqualTo("sau rieng ri6");
        assertThat(TypingCorrections.correct("st25")).isEqualTo("st25");
        assertThat(TypingCorrections.correct("xoaii")).isEqualTo("xoai");
        assertThat(TypingCorrections.correct("gaoo")).isEqualTo("gao");
        assertThat(TypingCorrections.correct("ongg")).isEqualTo("ong");
    }

    @Test
    void readingsJoinAndSplitCodesAndNumbers() {
        assertThat(TypingCorrections.readings("gạo st 25")).contains("gao st25");
        assertThat(TypingCorrections.readings("sầu riêng ri 6")).contains("sau rieng ri6");
        assertThat(TypingCorrections.readings("gạo ST25")).contains("gao st 25");
        assertThat(TypingCorrections.readings("caf phee")).containsExactly("ca phe");
        assertThat(TypingCorrections.readings("nuoc mam phuquoc")).first().isEqualTo("nuoc mam phu quoc");
        // A listing may write two syllables together.
        assertThat(TypingCorrections.readings("bột ca cao")).contains("bot cacao");
        assertThat(TypingCorrections.readings("cà phê")).containsExactly("caphe");
        assertThat(TypingCorrections.readings("robusta")).isEmpty();
    }
}
