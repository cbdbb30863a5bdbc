package vn.htxconnect.region;

/** Whether a unit is a province (tỉnh) or a centrally run city (thành phố trực thuộc trung ương). */
public enum ProvinceKind {
    PROVINCE,
    CITY
}
