package cli

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/gitrev"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/rules"
	"github.com/svccat/svccat/internal/load"
	"github.com/svccat/svccat/internal/source"
)

// revision is a git revision the catalog is compared with.
type revision struct {
	repo   *gitrev.Repo
	rev    string
	commit string
	roots  []string // the PATHs, from the top of the work tree
}

// openRevision resolves rev in the work tree that holds paths. Every
// failure is a usage error (exit 2): git missing, a PATH outside a work
// tree, a revision that names no commit.
func openRevision(rev string, paths []string) (*revision, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	dir := paths[0]
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		dir = filepath.Dir(dir)
	}
	repo, err := gitrev.Open(dir)
	if err != nil {
		return nil, usagef("%v", err)
	}
	r := &revision{repo: repo, rev: rev}
	for _, p := range paths {
		rel, err := repo.Rel(p)
		if err != nil {
			return nil, usagef("%v", err)
		}
		r.roots = append(r.roots, rel)
	}
	if r.commit, err = repo.Commit(rev); err != nil {
		return nil, usagef("%v", err)
	}
	return r, nil
}

// display is how a file of the revision is shown: the path the same file
// has in the working tree, relative to the working directory.
func (r *revision) display(p string) string {
	abs := filepath.Join(r.repo.Root(), filepath.FromSlash(p))
	if wd, err := os.Getwd(); err == nil {
		if real, err := filepath.EvalSymlinks(wd); err == nil {
			wd = real
		}
		if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(abs)
}

// load reads the revision's catalog below the PATHs from git's object
// store and lints it with cfg.
func (r *revision) load(f *catalogFlags, cfg *config.Config) (*loaded, error) {
	// The same limits as on disk: the load stage checks them again on
	// what is read; git is never asked for a blob over them.
	max := cfg.Limits.FileBytes
	if f.maxFileSize.set {
		max = f.maxFileSize.n
	}
	if max <= 0 {
		max = source.DefaultFileBytes
	}
	total := cfg.Limits.CatalogBytes
	if total <= 0 {
		total = source.DefaultCatalogBytes
	}
	files, probs, err := r.repo.Files(r.commit, r.roots, gitrev.Options{MaxFileSize: max, MaxTotal: total})
	if err != nil {
		return nil, err
	}
	var sf []source.File
	var sp []source.Problem
	for _, file := range files {
		sf = append(sf, source.File{Path: file.Path, Display: r.display(file.Path), Size: file.Size, Data: file.Data})
	}
	for _, p := range probs {
		sp = append(sp, source.Problem{Kind: source.Unreadable, Pos: source.Pos{File: r.display(p.Path), Line: 1, Col: 1},
			Message: p.Message + " (in " + r.rev + ")"})
	}
	c := load.Files(sf, sp, load.Options{Limits: source.Limits{FileBytes: max, CatalogBytes: total, DocumentNodes: cfg.Limits.DocumentNodes}, KeepWritten: f.keepWritten})
	res, err := lint.Run(c, cfg, rules.All())
	if err != nil {
		return nil, err
	}
	return &loaded{paths: r.roots, loaded: c, catalog: c.Catalog, config: cfg, lint: res}, nil
}

// config is the configuration the revision had: .svccat.yaml (or .yml)
// in the first PATH or a folder above it, up to the top of the work tree,
// as config lookup does in the working tree. Without one, the defaults.
func (r *revision) config() (*config.Config, error) {
	dir := r.roots[0]
	var candidates []string
	for {
		for _, name := range []string{".svccat.yaml", ".svccat.yml"} {
			candidates = append(candidates, path.Join(dir, name))
		}
		if dir == "." {
			break
		}
		dir = path.Dir(dir)
	}
	files, _, err := r.repo.Files(r.commit, candidates, gitrev.Options{MaxFileSize: source.DefaultFileBytes})
	if err != nil {
		return nil, err
	}
	found := map[string][]byte{}
	for _, f := range files {
		found[f.Path] = f.Data
	}
	for i := 0; i < len(candidates); i += 2 {
		yaml, yok := found[candidates[i]]
		_, ymlok := found[candidates[i+1]]
		if yok && ymlok {
			return nil, usagef("%s: both .svccat.yaml and .svccat.yml in %s; keep one", r.display(candidates[i]), r.rev)
		}
		if yok {
			return load.ParseConfig(r.display(candidates[i])+"@"+r.rev, yaml)
		}
		if ymlok {
			return load.ParseConfig(r.display(candidates[i+1])+"@"+r.rev, found[candidates[i+1]])
		}
	}
	return config.Default(), nil
}
