"""What a save leaves on disk: the file's permissions kept (or 0644 for a new file), no
temporary file left beside it, and a failed save that leaves what was there."""

import os
import stat

import pytest

import ledger as lg


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_readable_by_all_and_writable_by_its_owner(tmp_path):
    target = tmp_path / "new.toml"
    lg.example().save(target)
    assert mode(target) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.toml"]


@pytest.mark.parametrize("kept", [0o600, 0o640, 0o664])
def test_a_saved_over_file_keeps_its_permissions(tmp_path, kept):
    target = tmp_path / "kept.toml"
    target.write_text("old")
    os.chmod(target, kept)
    lg.example().save(target)
    assert mode(target) == kept
    assert lg.load(target) == lg.example()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.toml"]


def test_a_save_in_the_current_folder_works(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lg.example().save("here.json")
    assert lg.load(tmp_path / "here.json") == lg.example()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["here.json"]


def test_a_failed_save_leaves_what_was_there_and_no_temporary(tmp_path):
    target = tmp_path / "taken.toml"
    target.mkdir()  # a folder where the file should go: the last step, the rename, fails
    (target / "inside.txt").write_text("old")
    with pytest.raises(OSError):
        lg.example().save(target)
    assert (target / "inside.txt").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.toml"]


def test_the_temporary_file_is_written_beside_the_target(tmp_path, monkeypatch):
    # os.replace is atomic within one file system only: the system's temporary folder (here
    # one that does not exist) must never be used.
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    target = tmp_path / "beside.toml"
    lg.example().save(target)
    assert lg.load(target) == lg.example()


def test_a_save_cut_short_leaves_a_hidden_file_named_after_the_target(tmp_path, monkeypatch):
    # Should the process die between writing and renaming, what is left says what it was.
    seen = []

    def no_rename(source, target):
        seen.append(os.path.basename(source))
        raise OSError("the disk went away")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(OSError, match="the disk went away"):
        lg.example().save(tmp_path / "cut.toml")
    [name] = seen
    assert name.startswith(".cut.toml.") and name.endswith(".tmp")
    assert list(tmp_path.iterdir()) == []  # and it is removed when the save fails
