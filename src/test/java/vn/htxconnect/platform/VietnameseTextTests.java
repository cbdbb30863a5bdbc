package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;

import org.junit.jupiter.api.Test;

class VietnameseTextTests {

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    @Test
    void foldsDecomposedInputLikeComposedInput() {
        String decomposed = nfd("Cà Phê Đắk Lắk");
        assertThat(decomposed).isNotEqualTo("Cà Phê Đắk Lắk");

        assertThat(VietnameseText.fold(decomposed)).isEqualTo("ca phe dak lak");
        assertThat(VietnameseText.normalize(decomposed)).isEqualTo("cà phê đắk lắk");
        assertThat(VietnameseText.nfc(decomposed)).isEqualTo("Cà Phê Đắk Lắk");
    }

    @Test
    void combiningMarksInEitherOrderCompose() {
        // "ệ" typed as e + dot below + circumflex, and as e + circumflex + dot below.
        assertThat(VietnameseText.normalize("hi\u0065\u0323\u0302u")).isEqualTo("hiệu");
        assertThat(VietnameseText.normalize("hi\u0065\u0302\u0323u")).isEqualTo("hiệu");
    }

    @Test
    void foldsDStroke() {
        assertThat(VietnameseText.fold("Đường đi")).isEqualTo("duong di");
        assertThat(VietnameseText.fold("ĐỒNG THÁP")).isEqualTo("dong thap");
    }

    @Test
    void treatsEthLookAlikeAsDStroke() {
        assertThat(VietnameseText.normalize("Ðắk Lắk")).isEqualTo("đắk lắk");
        assertThat(VietnameseText.fold("Ðắk Lắk")).isEqualTo("dak lak");
    }

    @Test
    void oldAndNewTonePlacementFoldAndNormalizeTheSame() {
        assertThat(VietnameseText.fold("hoà")).isEqualTo("hoa");
        assertThat(VietnameseText.fold("hòa")).isEqualTo("hoa");

        assertThat(VietnameseText.normalize("Khánh Hoà")).isEqualTo("khánh hòa");
        assertThat(VietnameseText.normalize("thuỷ sản")).isEqualTo("thủy sản");
        assertThat(VietnameseText.normalize("khoẻ")).isEqualTo("khỏe");
        assertThat(VietnameseText.normalize(nfd("Thanh Hoá"))).isEqualTo("thanh hóa");
    }

    @Test
    void tonePlacementIsLeftAloneWhereBothConventionsAgree() {
        assertThat(VietnameseText.normalize("hoàng")).isEqualTo("hoàng");
        assertThat(VietnameseText.normalize("thuyền")).isEqualTo("thuyền");
        assertThat(VietnameseText.normalize("quý")).isEqualTo("quý");
        assertThat(VietnameseText.normalize("ngoài")).isEqualTo("ngoài");
        assertThat(VietnameseText.normalize("xoài")).isEqualTo("xoài");
    }

    @Test
    void toneMarksDistinguishWordsOnlyBeforeFolding() {
        assertThat(VietnameseText.fold("nấm")).isEqualTo("nam");
        assertThat(VietnameseText.fold("nam")).isEqualTo("nam");
        assertThat(VietnameseText.fold("năm")).isEqualTo("nam");

        assertThat(VietnameseText.normalize("nấm"))
                .isNotEqualTo(VietnameseText.normalize("nam"))
                .isNotEqualTo(VietnameseText.normalize("năm"));
        assertThat(VietnameseText.normalize("nam")).isNotEqualTo(VietnameseText.normalize("năm"));
    }

    @Test
    void normalizeLowercasesAndCollapsesWhitespace() {
        assertThat(VietnameseText.normalize("  Gạo\tST25 \n\u00A0 Sóc   Trăng ")).isEqualTo("gạo st25 sóc trăng");
        assertThat(VietnameseText.normalize("cà\u200Bphê")).isEqualTo("cà phê");
        assertThat(VietnameseText.normalize("nông\u00ADsản\uFEFF")).isEqualTo("nôngsản");
        assertThat(VietnameseText.fold("  Nước   Mắm  ")).isEqualTo("nuoc mam");
    }

    @Test
    void detectsDiacritics() {
        assertThat(VietnameseText.hasDiacritics("cà phê")).isTrue();
        assertThat(VietnameseText.hasDiacritics(nfd("cà phê"))).isTrue();
        assertThat(VietnameseText.hasDiacritics("đu đủ")).isTrue();
        assertThat(VietnameseText.hasDiacritics("Đ")).isTrue();
        assertThat(VietnameseText.hasDiacritics("Ca Phe")).isFalse();
        assertThat(VietnameseText.hasDiacritics("ST25")).isFalse();
        assertThat(VietnameseText.hasDiacritics("")).isFalse();
        assertThat(VietnameseText.hasDiacritics(null)).isFalse();
    }

    @Test
    void tokenizesOnPunctuationAndKeepsAlphanumericWords() {
        assertThat(VietnameseText.tokens("Gạo ST25 (Sóc Trăng), 5kg/bao"))
                .containsExactly("Gạo", "ST25", "Sóc", "Trăng", "5kg", "bao");
        assertThat(VietnameseText.tokens("TP.HCM")).containsExactly("TP", "HCM");
        assertThat(VietnameseText.tokens("cà-phê")).containsExactly("cà", "phê");
    }

    @Test
    void tokensOfDecomposedTextAreComposed() {
        assertThat(VietnameseText.tokens(nfd("nấm mèo"))).containsExactly("nấm", "mèo");
    }

    @Test
    void foldedKeyIgnoresPunctuationAndSpacing() {
        assertThat(VietnameseText.foldedKey("TP.HCM")).isEqualTo("tphcm");
        assertThat(VietnameseText.foldedKey("tp hcm")).isEqualTo("tphcm");
        assertThat(VietnameseText.foldedKey("Bà Rịa–Vũng Tàu")).isEqualTo("bariavungtau");
        assertThat(VietnameseText.foldedKey("HTX Đắk-Lắk 01")).isEqualTo("htxdaklak01");
    }

    @Test
    void nullAndBlankAreEmpty() {
        assertThat(VietnameseText.nfc(null)).isEmpty();
        assertThat(VietnameseText.fold(null)).isEmpty();
        assertThat(VietnameseText.fold("   ")).isEmpty();
        assertThat(VietnameseText.normalize(" \t ")).isEmpty();
        assertThat(VietnameseText.tokens(null)).isEmpty();
        assertThat(VietnameseText.tokens(" ,. ")).isEmpty();
        assertThat(VietnameseText.foldedKey(null)).isEmpty();
    }

    @Test
    void asciiTextIsNormalizedAndFoldedAsTheGeneralPathWould() {
        // ASCII text takes a shortcut; appending a word with a diacritic sends the same text down the Unicode path.
        java.util.Random random = new java.util.Random(7);
        String alphabet = "abcXYZ09 .,-/\t\n  ST25Hcm";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(20); k > 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String ascii = b.toString();
            String general = VietnameseText.normalize(ascii + " \u00e0");
            assertThat(VietnameseText.normalize(ascii)).as("[%s]", ascii)
                    .isEqualTo(general.substring(0, general.length() - 1).strip());
            assertThat(VietnameseText.fold(ascii)).as("[%s]", ascii).isEqualTo(VietnameseText.normalize(ascii));
        }
        assertThat(VietnameseText.normalize("  Ca  PHE\tRobusta \n")).isEqualTo("ca phe robusta");
        assertThat(VietnameseText.fold("Thanh Long")).isEqualTo("thanh long");
    }

    /**
     * The per-character table and the general path agree: on every character the table covers, and on random text
     * mixing ASCII, Vietnamese letters in both cases, the two tone-mark placements, combining marks, format characters,
     * non-ASCII spaces and letters the table leaves out (then the general path answers, so fold must still agree).
     */
    @Test
    void foldByTableAgreesWithTheGeneralPath() {
        for (char c = 0; c < 0x2400; c++) {
            String one = "x" + c + "y";
            String byTable = VietnameseText.foldByTable(one);
            if (byTable != null) {
                assertThat(byTable).as("U+%04X", (int) c).isEqualTo(VietnameseText.foldBySteps(one));
            }
        }
        String alphabet = "aAbBdDđĐðÐeEoOuUyYqQ zZ09.,-\t\n\u00A0\u200B\u00AD\u0301\u0323\u0302"
                + "àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
                + "ÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
                + "İßæøÅçñü\u212A\u00B5–—’“”…•°₫℃½\u2028\u202F\u2060\u0085\u20D7Ⅸ";
        alphabet = alphabet.translateEscapes();
        Random random = new Random(20261207);
        int byTable = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(24);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            if (VietnameseText.foldByTable(s) != null) {
                byTable++;
            }
            assertThat(VietnameseText.fold(s)).as("fold of \"%s\"", s).isEqualTo(VietnameseText.foldBySteps(s));
            assertThat(VietnameseText.hasDiacritics(s)).as("hasDiacritics of \"%s\"", s)
                    .isEqualTo(!VietnameseText.normalize(s).equals(VietnameseText.foldBySteps(s)));
        }
        // Both paths were exercised.
        assertThat(byTable).isBetween(1_000, 199_000);
        // Punctuation common in descriptions keeps text on the table.
        assertThat(VietnameseText.foldByTable("Cà phê – “đặc sản” 100% … 25°C, 120.000₫")).isEqualTo("ca phe – “dac san” 100% … 25°c, 120.000₫");
    }
}
