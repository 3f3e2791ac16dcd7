//go:build !unix

package source

import (
	"io/fs"
	"os"
)

// fileID is a file's identity; there are no device and inode numbers
// here, so the walk uses the resolved path.
type fileID struct {
	dev, ino uint64
	path     string // where there are no such numbers: the resolved path
}

func idOf(fs.FileInfo) (fileID, bool) { return fileID{}, false }

func openNoWait(path string) (*os.File, error) { return os.Open(path) }
