"""The CLI's knowledge base kept between runs (cli/context.load_kb): the same entities and names as a
fresh load, rebuilt when the cache is damaged, never used for --kb files."""
from newsmon.cli import context
from newsmon.nlp.kb import KnowledgeBase


def test_the_kept_knowledge_base_is_the_loaded_one_and_a_damaged_one_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSMON_CACHE_DIR", str(tmp_path))
    fresh = KnowledgeBase.load(())
    first = context.load_kb(())
    [kept] = list(tmp_path.glob("kb-*.pickle"))
    second = context.load_kb(())  # read back from the file
    for kb in (first, second):
        assert sorted(kb._by_id) == sorted(fresh._by_id)
        assert kb.lookup("KOICA").id == fresh.lookup("KOICA").id
    kept.write_bytes(b"not a pickle")
    assert context.load_kb(()).lookup("KOICA").id == fresh.lookup("KOICA").id
    assert kept.read_bytes() != b"not a pickle"  # written again


def test_extra_knowledge_base_files_are_loaded_as_ever(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSMON_CACHE_DIR", str(tmp_path / "cache"))
    extra = tmp_path / "extra.toml"
    extra.write_text('[[entity]]\nid = "org:zz"\nlabel = "ORG"\nname = "Zeta Zulu Agency"\n', encoding="utf-8")
    kb = context.load_kb((str(extra),))
    assert kb.lookup("Zeta Zulu Agency").id == "org:zz"
    assert not (tmp_path / "cache").exists()
