import pytest
from policy.cjk_radicals import EQUIVALENT_IDEOGRAPH
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
    split_emails,
)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("深圳市腾飞科技有限公司", "深圳市腾飞科技"),
        ("深圳市騰飛科技有限公司\u3000", "深圳市腾飞科技"),
        ("深圳市腾飞科技股份有限公司", "深圳市腾飞科技"),
        ("深圳市腾飞科技有限责任公司", "深圳市腾飞科技"),
        # Shortened the way people write it (found by the load run).
        ("深圳市腾飞科技股份", "深圳市腾飞科技"),
        ("深圳市騰飛科技股份 ", "深圳市腾飞科技"),
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


@pytest.mark.parametrize(
    ("raw", "region", "key"),
    [
        ("0571-41044908", "CN", "8657141044908"),
        ("+86 571 4104 4908", None, "8657141044908"),
        ("+86 571 4104 4908", "TW", "8657141044908"),
        ("(0571) 4104 4908", "cn", "8657141044908"),
        ("138 0013 8000", "CN", "8613800138000"),
        ("+8613800138000", None, "8613800138000"),
        ("02 2345 6789", "TW", "886223456789"),
        # No country to read it in: the digits as written.
        ("0571-41044908", None, "057141044908"),
        # No such country code: the digits as written.
        ("+999 1234 5678", None, "99912345678"),
    ],
)
def test_national_numbers_are_read_in_the_customers_country(raw, region, key):
    assert normalize_phone(raw, region) == key


def test_a_national_number_meets_its_international_form():
    national = identity_keys(phones=["0571-41044908"], region="CN")
    international = identity_keys(phones=["+86 571 4104 4908"])
    assert national == international == {("phone", "8657141044908")}


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("深圳市腾\u2edc科技有限公司", "深圳市腾飞科技有限公司"),  # ⻜ → 飞
        ("\u2ef0腾食品", "龙腾食品"),  # ⻰ → 龙
        ("老\u2edd堂餐饮", "老食堂餐饮"),  # ⻝ → 食
        ("\u2f00\u2f08科技", "一人科技"),  # Kangxi radicals: NFKC already
    ],
)
def test_cjk_radicals_fold_to_the_ideographs_they_look_like(raw, plain):
    assert normalize_company_name(raw) == normalize_company_name(plain)


def test_radical_table_comes_from_unicode_data():
    # Spot checks against EquivalentUnifiedIdeograph.txt (Unicode 15.0).
    assert EQUIVALENT_IDEOGRAPH[0x2EDC] == 0x98DE
    assert EQUIVALENT_IDEOGRAPH[0x2EF0] == 0x9F99
    assert EQUIVALENT_IDEOGRAPH[0x2F00] == 0x4E00
    assert all(0x2E80 <= code <= 0x31EF for code in EQUIVALENT_IDEOGRAPH)


@pytest.mark.parametrize(
    ("raw", "addresses"),
    [
        ("someone@gmail.com, buyer@omega.cn", ["someone@gmail.com", "buyer@omega.cn"]),
        ("a@x.cn;b@y.cn", ["a@x.cn", "b@y.cn"]),
        ("Bo <bo@y.cn>, Al <al@z.cn>", ["bo@y.cn", "al@z.cn"]),
        ("a@x.cn b@y.cn", ["a@x.cn", "b@y.cn"]),
        ("no address", []),
        (None, []),
    ],
)
def test_every_address_of_an_email_field(raw, addresses):
    assert split_emails(raw) == addresses


def test_every_address_gives_its_keys():
    keys = identity_keys(emails=["someone@gmail.com, buyer@omega.cn"])
    assert keys == {
        ("email", "someone@gmail.com"),
        ("email", "buyer@omega.cn"),
        ("domain", "omega.cn"),
    }


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
