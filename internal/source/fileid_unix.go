//go:build unix

package source

import (
	"io/fs"
	"os"
	"syscall"
)

// fileID is a file's identity on its file system: what every name and
// link of one file share.
type fileID struct {
	dev, ino uint64
	path     string // where there are no such numbers: the resolved path
}

func idOf(info fs.FileInfo) (fileID, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true
}

// openNoWait opens a file for reading without waiting: opening a named
// pipe put where a listed file was would otherwise block until a writer
// comes.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
