//go:build unix

package source

import (
	"os"
	"path/filepath"
	"testing"
)

// linkTargets are where a fuzzed link may point: inside, up, out, loops.
var linkTargets = []string{".", "..", "../..", "/", "a", "b", "a/b", "../a", "x.yaml", "nowhere", "/dev/zero", "/proc/self/root"}

// buildTree turns fuzz bytes into a tree below root: each pair of bytes
// makes a folder, a YAML file, or a symbolic link, in one of a few
// folders.
func buildTree(root string, ops []byte) {
	dirs := []string{"", "a", "a/b", "b"}
	for i := 0; i+1 < len(ops) && i < 64; i += 2 {
		where := filepath.Join(root, dirs[int(ops[i]>>4)%len(dirs)])
		os.MkdirAll(where, 0o755)
		name := string(rune('a' + ops[i]%6))
		switch ops[i+1] % 3 {
		case 0:
			os.MkdirAll(filepath.Join(where, name), 0o755)
		case 1:
			os.WriteFile(filepath.Join(where, name+".yaml"), []byte(team), 0o644)
		case 2:
			os.Symlink(linkTargets[int(ops[i+1]>>2)%len(linkTargets)], filepath.Join(where, name))
		}
	}
}

// FuzzList: whatever the tree of folders, files and links, the walk ends,
// lists only files inside the PATH, each real file once, and reports
// every problem at the start of a file.
func FuzzList(f *testing.F) {
	f.Add([]byte{0x00, 0x02, 0x10, 0x06, 0x20, 0x01})
	f.Add([]byte{0x01, 0x0e, 0x02, 0x0a, 0x13, 0x12, 0x24, 0x01})
	f.Add([]byte{0x00, 0x00, 0x00, 0x01, 0x00, 0x26, 0x00, 0x2a})
	f.Fuzz(func(t *testing.T, ops []byte) {
		dir := t.TempDir()
		root := filepath.Join(dir, "cat")
		os.MkdirAll(root, 0o755)
		buildTree(root, ops)
		realRoot, err := filepath.EvalSymlinks(root)
		if err != nil {
			t.Fatal(err)
		}
		files, probs := List([]string{root}, Options{WorkDir: dir})
		seen := map[string]bool{}
		for _, f := range files {
			real, err := filepath.EvalSymlinks(f.Path)
			if err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			if !Within(realRoot, real) {
				t.Fatalf("%s leads outside the PATH, to %s", f.Path, real)
			}
			if seen[real] {
				t.Fatalf("%s listed twice", real)
			}
			seen[real] = true
		}
		for _, p := range probs {
			if p.Kind != Unreadable || p.Pos.Line != 1 || p.Pos.Col != 1 || p.Message == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
	})
}
