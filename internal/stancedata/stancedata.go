// Package stancedata prepares and reads the public data sets that brief's
// agree/disagree judgement is developed and measured on: the FNC-1
// training split (headline vs article stance), SICK (three-way
// entailment), the MRPC training split (paraphrase) and STS-B train and
// dev (similarity).
//
// None of the data is committed: its licences are unclear (FNC-1 article
// text comes from news sites) or forbid it (SICK is CC BY-NC-SA, MRPC is
// Microsoft's research licence). Prepare copies each file from a pinned
// commit of a public GitHub repository, checks its SHA-256, and writes the
// parts that may be used into a cache directory (by default .cache/stance
// under the module root, which git ignores). Tests that need the data skip
// with a message when the cache is absent; see Dir.
//
// Held out, never fetched or read: the FNC-1 competition test files
// (competition_test_*, test_*), any copy of the Emergent data set,
// ClaimDiff, the MRPC test split, RTE test sets. The SICK test part and
// the STS-B test file are not fetched either (SICK.txt holds all three
// SICK parts; Prepare keeps only TRAIN and TRIAL), so they stay unseen.
package stancedata

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// EnvDir names the environment variable that overrides the cache
// directory.
const EnvDir = "BRIEF_STANCE_DATA"

// DefaultDir is the cache directory, relative to the module root.
const DefaultDir = ".cache/stance"

// ErrNoData reports that the cache holds no prepared data; tests skip on it.
var ErrNoData = errors.New("stance data not prepared (run: go run ./tools/stancedata)")

// File is one input file, pinned to a commit of a public repository.
type File struct {
	Repo   string // GitHub owner/name
	Commit string // full commit hash
	Path   string // path in the repository
	SHA256 string // of the file at Path
	// Member, when set, names the one file of a zip archive at Path
	// that is used, with its own SHA-256.
	Member       string
	MemberSHA256 string
	// Why says what the file is and why it may be used.
	Why string
}

// Manifest lists every file Prepare reads. The commits and checksums
// were taken when the files were first prepared (December 2026).
var Manifest = map[string]File{
	"fnc1-bodies": {
		Repo: "FakeNewsChallenge/fnc-1", Commit: "29d473af2d15278f0464d5e41e4cbe7eb58231f2",
		Path: "train_bodies.csv", SHA256: "f1960cf7aa6972a9308aedbd3b393ab773893604d7d323378b75f66112f0c27a",
		Why: "FNC-1 training bodies (1,683), from the official repository",
	},
	"fnc1-stances": {
		// The official train_stances.csv (4.3 MB) is over what the
		// project's repository snapshots carry; this copy is the same
		// training file zipped: 49,972 rows, 36,545 unrelated, 8,909
		// discuss, 3,678 agree, 840 disagree, as the official README
		// gives, and every Body ID is one of train_bodies.csv.
		Repo: "Athlon07/Research_paper", Commit: "d086650559622cbf8f69d7ba77a3015f19af846b",
		Path: "train_stances.csv.zip", SHA256: "40ab8b7e0c40b4cf7d56fe3abd9e0c51707f50b4cc20b9c28e8dc294e3849689",
		Member: "train_stances.csv", MemberSHA256: "89d2e76db8ddb3a68d9dc7e572bc84c3cba7fb61827b3ee10925885245d7d167",
		Why: "FNC-1 training stances, all 49,972 pairs",
	},
	"sick": {
		Repo: "kkalouli/SICK-processing", Commit: "0848f4aec60870122a4ca18de08ba0e25f6f9a75",
		Path: "SICK.txt", SHA256: "1539c2d059809b5bd40694e26d8121cc85b6b496f91c7b40f2fc83bbd7dcd957",
		Why: "SICK (Marelli et al. 2014), CC BY-NC-SA 3.0; only the TRAIN and TRIAL rows are kept",
	},
	"stsb-train": {
		Repo: "sudha93/semanticTextualSimilarity", Commit: "f1ecd82418d9b84e48baef14d499d0fc23430360",
		Path: "stsbenchmark/sts-train.csv", SHA256: "fbe68f39a712ff9e80d48906d62547bde42a8154a37dfb5ad78002f29a810fb3",
		Why: "STS benchmark train; MSRpar rows dropped (their text is MRPC's, whose test split is held out)",
	},
	"stsb-dev": {
		Repo: "sudha93/semanticTextualSimilarity", Commit: "f1ecd82418d9b84e48baef14d499d0fc23430360",
		Path: "stsbenchmark/sts-dev.csv", SHA256: "5d7e944d8b02734b07bfdb5df67db3420c64bed153fcaa1ba47ad03480cf4234",
		Why: "STS benchmark dev; MSRpar rows dropped as for train",
	},
	"mrpc-train": {
		Repo: "Pzeyang/Paraphrase_Identification", Commit: "dc1755eb1a4755ca310f97209391f1f5c06e2fd1",
		Path: "msr_paraphrase_train.txt", SHA256: "8ce2b3a2f391f24534f38242d429510f8837eb4d3c4f4e8ff7b56d3678b4bb5c",
		Why: "MRPC training split (4,076 pairs; this copy's four added toy pairs, ID -1, are dropped); the test split is held out and never fetched",
	},
}

// Getter reads one manifest file's bytes from somewhere.
type Getter interface {
	Get(ctx context.Context, f File) ([]byte, error)
}

// DirGetter reads files from a local folder: Root/owner/name/path, or
// Root/<base name of path> for files downloaded by hand.
type DirGetter struct{ Root string }

// Get implements Getter.
func (g DirGetter) Get(ctx context.Context, f File) ([]byte, error) {
	for _, p := range []string{
		filepath.Join(g.Root, filepath.FromSlash(f.Repo), filepath.FromSlash(f.Path)),
		filepath.Join(g.Root, filepath.Base(f.Path)),
	} {
		b, err := os.ReadFile(p)
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("%s: not in %s (looked for %s/%s and %s): %w",
		f.Path, g.Root, f.Repo, f.Path, filepath.Base(f.Path), os.ErrNotExist)
}

// GitGetter reads files from bare git directories laid out as
// Root/owner+name/repo (the layout of the development machines'
// repository snapshots), at the manifest's commit.
type GitGetter struct{ Root string }

// Get implements Getter.
func (g GitGetter) Get(ctx context.Context, f File) ([]byte, error) {
	dir := filepath.Join(g.Root, strings.ReplaceAll(f.Repo, "/", "+"), "repo")
	var out, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "git", "--git-dir="+dir, "show", f.Commit+":"+f.Path)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("git show %s:%s in %s: %v: %s", short(f.Commit), f.Path, dir, err, strings.TrimSpace(stderr.String()))
	}
	return out.Bytes(), nil
}

// HTTPGetter downloads files from GitHub's raw file host at the
// manifest's commit.
type HTTPGetter struct {
	Client *http.Client // nil means http.DefaultClient
	Base   string       // "" means https://raw.githubusercontent.com
}

// Get implements Getter.
func (g HTTPGetter) Get(ctx context.Context, f File) ([]byte, error) {
	base := g.Base
	if base == "" {
		base = "https://raw.githubusercontent.com"
	}
	url := fmt.Sprintf("%s/%s/%s/%s", strings.TrimSuffix(base, "/"), f.Repo, f.Commit, f.Path)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	c := g.Client
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download %s: %s", url, resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", url, err)
	}
	return b, nil
}

// fetch gets a manifest file, checks its checksum and unpacks its zip
// member if it has one.
func fetch(ctx context.Context, g Getter, name string, f File) ([]byte, error) {
	b, err := g.Get(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if got := sum(b); got != f.SHA256 {
		return nil, fmt.Errorf("%s: %s/%s@%s: sha256 %s, want %s", name, f.Repo, f.Path, short(f.Commit), got, f.SHA256)
	}
	if f.Member == "" {
		return b, nil
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("%s: open zip: %w", name, err)
	}
	for _, zf := range zr.File {
		if zf.Name != f.Member {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", name, f.Member, err)
		}
		m, err := io.ReadAll(io.LimitReader(rc, 256<<20))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", name, f.Member, err)
		}
		if got := sum(m); got != f.MemberSHA256 {
			return nil, fmt.Errorf("%s: %s: sha256 %s, want %s", name, f.Member, got, f.MemberSHA256)
		}
		return m, nil
	}
	return nil, fmt.Errorf("%s: zip has no %s", name, f.Member)
}

// short abbreviates a commit hash for messages.
func short(commit string) string {
	if len(commit) > 12 {
		return commit[:12]
	}
	return commit
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Dir returns the cache directory: $BRIEF_STANCE_DATA if set, else
// DefaultDir under the module root found by walking up from the working
// directory to go.mod. It returns ErrNoData (wrapped) when the directory
// holds no prepared data.
func Dir() (string, error) {
	dir := os.Getenv(EnvDir)
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		root := wd
		for {
			if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
				break
			}
			parent := filepath.Dir(root)
			if parent == root {
				root = wd
				break
			}
			root = parent
		}
		dir = filepath.Join(root, filepath.FromSlash(DefaultDir))
	}
	if _, err := os.Stat(filepath.Join(dir, stampFile)); err != nil {
		return dir, fmt.Errorf("%s: %w", dir, ErrNoData)
	}
	return dir, nil
}
