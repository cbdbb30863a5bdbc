package vn.htxconnect.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

class ProvinceControllerTests {

    private final ProvinceController controller = new ProvinceController(new ProvinceService());

    @Test
    void listsAllUnitsInVietnameseAlphabeticalOrder() {
        var names = controller.provinces().stream().map(Province::name).toList();
        assertThat(names).hasSize(34).startsWith("An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Cần Thơ");
        // Syllable by syllable: "Hà" sorts before "Hải"; đ comes after d.
        assertThat(names.indexOf("Hà Nội")).isLessThan(names.indexOf("Hải Phòng"));
        assertThat(names.indexOf("Hà Tĩnh")).isLessThan(names.indexOf("Hải Phòng"));
        assertThat(names.indexOf("Gia Lai")).isGreaterThan(names.indexOf("Đồng Tháp"));
    }

    @Test
    void provinceAcceptsLegacyNamesAndReturnsNullWhenUnknown() {
        assertThat(controller.province("Bình Phước")).extracting(Province::name).isEqualTo("Đồng Nai");
        assertThat(controller.province("Atlantis")).isNull();
    }
}
