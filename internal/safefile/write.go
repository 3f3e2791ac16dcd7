package safefile

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// TempPrefix starts the name of every temporary file svccat writes, so
// that a later run can recognise the ones a killed run left behind.
const TempPrefix = ".svccat-tmp-"

// IsTemp reports whether a file name is one of svccat's temporary files.
func IsTemp(name string) bool { return strings.HasPrefix(name, TempPrefix) }

// WriteFile writes data to dest, the file a user named with -o:
//   - a regular file is replaced atomically (a temporary file in the same
//     folder, renamed over it), keeping its permissions;
//   - a file that is not regular (a device such as /dev/null, a named
//     pipe) is written in place, never replaced;
//   - a symbolic link is kept: the file it leads to is written;
//   - a new file is created with mode 0644 under the umask.
//
// The caller checks dest with a Guard first.
func WriteFile(dest string, data []byte) error {
	real, err := Resolve(dest)
	if err != nil {
		return err
	}
	info, err := os.Stat(real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return WriteAtomic(real, data, 0)
	case err != nil:
		return err
	case info.IsDir():
		return errors.New("it is a folder")
	case !info.Mode().IsRegular():
		return writeInPlace(real, data)
	}
	return WriteAtomic(real, data, info.Mode().Perm())
}

func writeInPlace(file string, data []byte) error {
	f, err := os.OpenFile(file, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return werr
}

// WriteAtomic writes data through a temporary file in file's folder and a
// rename, so that readers never see a half-written file. perm 0 means a
// new file's mode (0644 under the umask); otherwise the file gets perm,
// as the file it replaces had. The temporary file is created exclusively,
// so it never opens someone else's file, and it is removed on any error
// and by Cleanup.
func WriteAtomic(file string, data []byte, perm fs.FileMode) error {
	tmp, err := createTemp(filepath.Dir(file), filepath.Base(file), perm)
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	if werr == nil && perm != 0 {
		werr = tmp.Chmod(perm) // the umask may have taken bits away
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = temps.rename(name, file)
	}
	if werr != nil {
		temps.remove(name)
	}
	return werr
}

func createTemp(dir, base string, perm fs.FileMode) (*os.File, error) {
	mode := perm
	if mode == 0 {
		mode = 0o644
	}
	for try := 0; ; try++ {
		name := filepath.Join(dir, TempPrefix+strconv.FormatUint(uint64(rand.Uint32()), 36)+"-"+base)
		f, err := temps.create(name, mode)
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		return f, err
	}
}

// tempFiles are the temporary files being written, for Cleanup.
type tempFiles struct {
	mu     sync.Mutex
	names  map[string]bool
	closed bool // Cleanup ran: the process is ending, nothing more is written
}

var temps = &tempFiles{names: map[string]bool{}}

var errClosed = errors.New("svccat is stopping")

func (t *tempFiles) create(name string, mode fs.FileMode) (*os.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return nil, errClosed
	}
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, mode)
	if err == nil {
		t.names[name] = true
	}
	return f, err
}

func (t *tempFiles) rename(name, file string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return errClosed
	}
	if err := os.Rename(name, file); err != nil {
		return err
	}
	delete(t.names, name)
	return nil
}

func (t *tempFiles) remove(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	os.Remove(name)
	delete(t.names, name)
}

// Cleanup removes every temporary file being written and releases every
// lock held, and makes later writes fail: it is what a signal handler
// runs before the process exits.
func Cleanup() {
	temps.mu.Lock()
	temps.closed = true
	for name := range temps.names {
		os.Remove(name)
		delete(temps.names, name)
	}
	temps.mu.Unlock()
	releaseAll()
}

// pending counts the temporary files being written (for tests).
func pending() int {
	temps.mu.Lock()
	defer temps.mu.Unlock()
	return len(temps.names)
}

// RemoveLeftovers removes the temporary files a killed run left in dir
// and the folders below it, without following symbolic links. It returns
// how many it removed.
func RemoveLeftovers(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && IsTemp(d.Name()) {
			if err := os.Remove(p); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}
