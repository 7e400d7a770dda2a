import pytest
from policy.keys import (
    MAX_IDENTITY_LENGTH,
    email_domain,
    group_by_shared_keys,
    identity_keys,
    normalize_company_name,
    normalize_email,
    normalize_phone,
    normalize_vat,
    oversized,
)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("深圳市腾飞科技有限公司", "深圳市腾飞科技"),
        ("深圳市騰飛科技有限公司\u3000", "深圳市腾飞科技"),
        ("深圳市腾飞科技股份有限公司", "深圳市腾飞科技"),
        ("深圳市腾飞科技有限责任公司", "深圳市腾飞科技"),
        ("  深圳市 腾飞科技（集团）有限公司 ", "深圳市腾飞科技"),
        ("Shenzhen Tengfei Technology Co., Ltd.", "shenzhentengfeitechnology"),
        ("SHENZHEN TENGFEI TECHNOLOGY CO LTD", "shenzhentengfeitechnology"),
        (
            "ＳＨＥＮＺＨＥＮ　ＴＥＮＧＦＥＩ　ＴＥＣＨＮＯＬＯＧＹ",
            "shenzhentengfeitechnology",
        ),
        ("Acme S.A.", "acme"),
        ("ACME GmbH", "acme"),
        ("Acme Inc.", "acme"),
        ("Acme Corp", "acme"),
        ("Acme, LLC", "acme"),
        ("Coca-Cola Company", "cocacola"),
        ("Costco Wholesale", "costcowholesale"),
    ],
)
def test_company_name_folding(raw, key):
    assert normalize_company_name(raw) == key


def test_english_and_chinese_names_are_different_keys():
    assert normalize_company_name("深圳市腾飞科技有限公司") != normalize_company_name(
        "Shenzhen Tengfei Technology Co., Ltd."
    )


@pytest.mark.parametrize(
    "raw",
    ["", "   ", "有限公司", "股份有限公司", "Co., Ltd.", "!!!", "（）", "A", None],
)
def test_names_without_substance_give_no_key(raw):
    assert normalize_company_name(raw) is None


def test_emoji_and_sql_text_do_not_crash():
    assert normalize_company_name("'; DROP TABLE x; -- 😀") == "droptablex"


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("+86 755 1234 5678", "8675512345678"),
        ("(0755) 1234-5678", "075512345678"),
        ("１３８００１３８０００", "13800138000"),
        ("123", None),
        ("not a phone", None),
        ("1" * 21, None),
        (None, None),
    ],
)
def test_phone(raw, key):
    assert normalize_phone(raw) == key


@pytest.mark.parametrize(
    ("raw", "key", "domain"),
    [
        ("Wang@TengFei-Tech.CN ", "wang@tengfei-tech.cn", "tengfei-tech.cn"),
        ("Wang Wei <wang@tengfei.cn>", "wang@tengfei.cn", "tengfei.cn"),
        ("someone@qq.com", "someone@qq.com", None),
        ("someone@163.com", "someone@163.com", None),
        ("x@gmail.com", "x@gmail.com", None),
        ("x@outlook.com", "x@outlook.com", None),
        ("@@@", None, None),
        ("no-at-sign", None, None),
        ("a@localhost", None, None),
    ],
)
def test_email_and_domain(raw, key, domain):
    assert normalize_email(raw) == key
    assert email_domain(raw) == domain


def test_vat():
    assert normalize_vat(" 91440300-mA5f ") == "91440300MA5F"
    assert normalize_vat("123") is None


def test_identity_keys_collects_every_kind():
    keys = identity_keys(
        names=["Tengfei Co., Ltd.", None],
        phones=["+86 755 1234 5678"],
        emails=["boss@tengfei.cn"],
        vats=["91440300MA5F"],
    )
    assert keys == {
        ("name", "tengfei"),
        ("phone", "8675512345678"),
        ("email", "boss@tengfei.cn"),
        ("domain", "tengfei.cn"),
        ("vat", "91440300MA5F"),
    }


def test_oversized():
    assert oversized({"a": "x" * (MAX_IDENTITY_LENGTH + 1), "b": "ok", "c": None}) == [
        "a"
    ]


def test_group_by_shared_keys_is_transitive():
    groups = group_by_shared_keys(
        [
            {("name", "a")},
            {("phone", "1")},
            {("name", "a"), ("phone", "1")},
            {("name", "z")},
            set(),
        ]
    )
    assert sorted(groups) == [[0, 1, 2], [3], [4]]
