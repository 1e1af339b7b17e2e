"""Russian and Turkish pages are recognised, so their dates are read too (a few common forms)."""
import pytest

from newsmon.nlp.dates.find import find_dates


@pytest.mark.parametrize("lang, sentence, text, value, precision", [
    ("tr", "Seminer 20-21 Mayıs tarihlerinde Ankara'da yapıldı.", "20-21 Mayıs", "2025-05-20/2025-05-21", "day"),
    ("tr", "ASAN 2019 yılında BM ödülünü aldı.", "2019", "2019", "year"),
    ("tr", "Anlaşma 21 Mayıs 2025 günü imzalandı.", "21 Mayıs 2025", "2025-05-21", "day"),
    ("tr", "Program 2025-2027 yıllarını kapsıyor.", "2025-2027", "2025/2027", "year"),
    ("ru", "Семинар прошёл с 11 по 13 марта в Ташкенте.", "с 11 по 13 марта", "2025-03-11/2025-03-13", "day"),
    ("ru", "В 2019 году агентство получило премию ООН.", "2019 году", "2019", "year"),
    ("ru", "12 марта 2024 года подписан меморандум.", "12 марта 2024 года", "2024-03-12", "day"),
    ("ru", "Центр откроется в марте 2026 года.", "марте 2026 года", "2026-03", "month"),
])
def test_common_russian_and_turkish_dates(lang, sentence, text, value, precision):
    found = [(d.text, d.value, d.precision) for d in find_dates(sentence, lang, "2025-05-22")]
    assert (text, value, precision) in found


def test_counts_are_not_dates():
    assert find_dates("Mart ayında 5 kişi ve 2019 kişi geldi.", "tr", "2025-05-22") == []
    assert find_dates("В центре работают 2019 сотрудников.", "ru", "2025-05-22") == []
