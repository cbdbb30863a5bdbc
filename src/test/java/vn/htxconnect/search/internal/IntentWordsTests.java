package vn.htxconnect.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.htxconnect.platform.VietnameseText;

class IntentWordsTests {

    private final IntentWords words = IntentWords.fromClasspath();

    private String kept(String query) {
        List<String> tokens = VietnameseText.tokens(VietnameseText.normalize(query));
        boolean[] marked = words.mark(tokens);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!marked[i]) {
                out.add(tokens.get(i));
            }
        }
        return String.join(" ", out);
    }

    @Test
    void aBuyersSentenceKeepsTheProduct() {
        assertThat(kept("cần mua bưởi da xanh số lượng lớn")).isEqualTo("bưởi da xanh");
        assertThat(kept("can mua tieu den so luong lon")).isEqualTo("tieu den");
        assertThat(kept("tìm nguồn hàng gạo ST25 cho siêu thị")).isEqualTo("gạo st25");
        assertThat(kept("cần 5 tấn cà phê nhân mỗi tháng")).isEqualTo("cà phê nhân mỗi tháng");
        assertThat(kept("mua 100kg nấm rơm")).isEqualTo("nấm rơm");
        assertThat(kept("xin báo giá mật ong 2 tấn/tháng")).isEqualTo("mật ong");
        assertThat(kept("HTX Ea Tu")).isEqualTo("ea tu");
    }

    @Test
    void productNamesThatHoldSuchWordsAreKept() {
        assertThat(kept("cần tây")).isEqualTo("cần tây");
        assertThat(kept("mua rau cần")).isEqualTo("rau cần");
        assertThat(kept("giá đỗ")).isEqualTo("giá đỗ");
        assertThat(kept("gia vi")).isEqualTo("gia vi");
        assertThat(kept("chuoi sap")).isEqualTo("chuoi sap");
        // An unaccented single word only counts where the sentence starts: "tim" here is purple.
        assertThat(kept("hanh tim")).isEqualTo("hanh tim");
        assertThat(kept("vải mùa")).isEqualTo("vải mùa");
        // Nothing but intent words: searched as typed.
        assertThat(kept("cần mua")).isEqualTo("cần mua");
        // A number without a unit is a grade or a code.
        assertThat(kept("gạo st 25")).isEqualTo("gạo st 25");
    }
}
