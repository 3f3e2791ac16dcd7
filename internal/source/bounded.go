package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrTooLarge is what a bounded read fails with when there is more than
// allowed (errors.Is).
var ErrTooLarge = errors.New("larger than the limit")

var errTooLarge = ErrTooLarge

// sizeError is an ErrTooLarge with the sizes in its message.
type sizeError struct{ msg string }

func (e *sizeError) Error() string        { return e.msg }
func (e *sizeError) Is(target error) bool { return target == ErrTooLarge }

// readAtMost reads r to its end, or fails with errTooLarge as soon as it
// holds more than max bytes: memory stays within max plus one read.
func readAtMost(r io.Reader, max int64) ([]byte, error) {
	var buf []byte
	chunk := int64(64 << 10)
	for {
		if int64(len(buf)) > max {
			return nil, errTooLarge
		}
		if len(buf) == cap(buf) {
			// Grow by doubling, but never past what the limit allows.
			want := min(max+1, int64(cap(buf))*2+chunk)
			grown := make([]byte, len(buf), want)
			copy(grown, buf)
			buf = grown
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			if int64(len(buf)) > max {
				return nil, errTooLarge
			}
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// ReadRegular reads a file svccat reads besides the catalog (its
// configuration, a page it generated earlier) under the same rules as a
// catalog file: only a regular file is read, it is opened without waiting
// (a named pipe never blocks) and checked again once open, and no more
// than max bytes are read. Symbolic links are followed only when follow is
// true.
func ReadRegular(path string, max int64, follow bool) ([]byte, error) {
	stat := os.Stat
	if !follow {
		stat = os.Lstat
	}
	info, err := stat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(path, info); err != nil {
		return nil, err
	}
	if info.Size() > max {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &sizeError{fmt.Sprintf("file is %s, larger than the %s limit", size(info.Size()), size(max))}}
	}
	f, err := openNoWait(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	opened, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := regular(path, opened); err != nil {
		return nil, err
	}
	if !os.SameFile(info, opened) {
		return nil, &fs.PathError{Op: "read", Path: path, Err: errors.New("the file was replaced while svccat read it")}
	}
	data, err := readAtMost(f, max)
	if errors.Is(err, errTooLarge) {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &sizeError{fmt.Sprintf("file is larger than the %s limit", size(max))}}
	}
	return data, err
}

func regular(path string, info fs.FileInfo) error {
	if info.Mode()&fs.ModeSymlink != 0 {
		return &fs.PathError{Op: "read", Path: path, Err: errors.New("a symbolic link; svccat does not follow it here")}
	}
	if !info.Mode().IsRegular() {
		if info.IsDir() {
			return &fs.PathError{Op: "read", Path: path, Err: errors.New("a folder, not a file")}
		}
		return &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("not a regular file (%s)", special(info.Mode()))}
	}
	return nil
}
