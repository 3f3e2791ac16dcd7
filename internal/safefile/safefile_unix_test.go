//go:build unix

package safefile

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSpecialFilesWrittenInPlace: a named pipe and /dev/null named with
// -o are written, not replaced by a regular file.
func TestSpecialFilesWrittenInPlace(t *testing.T) {
	if err := WriteFile("/dev/null", []byte("x")); err != nil {
		t.Fatalf("/dev/null: %v", err)
	}
	if info, err := os.Stat("/dev/null"); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", info, err)
	}
	fifo := filepath.Join(t.TempDir(), "out.fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		data, _ := io.ReadAll(f)
		f.Close()
		got <- string(data)
	}()
	if err := WriteFile(fifo, []byte("report\n")); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "report\n" {
			t.Errorf("the reader got %q", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nothing came through the pipe")
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", info, err)
	}
}

// TestLockBusy: a second holder is refused at once, naming the first.
func TestLockBusy(t *testing.T) {
	p := filepath.Join(t.TempDir(), ".lock")
	l, err := Acquire(p)
	if err != nil {
		t.Fatal(err)
	}
	var busy *BusyError
	if _, err := Acquire(p); !errors.As(err, &busy) || busy.PID != os.Getpid() {
		t.Errorf("second Acquire: %v, want busy with pid %d", err, os.Getpid())
	}
	l.Release()
	if _, err := os.Lstat(p); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left after Release: %v", err)
	}
	l, err = Acquire(p)
	if err != nil {
		t.Fatalf("after Release: %v", err)
	}
	l.Release()
}

// helperEnv makes the test binary act as a helper process.
const helperEnv = "SAFEFILE_TEST_HELPER"

func TestMain(m *testing.M) {
	switch os.Getenv(helperEnv) {
	case "":
		os.Exit(m.Run())
	case "lock":
		// Take the lock, say so, and wait to be killed.
		if _, err := Acquire(os.Args[len(os.Args)-1]); err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("locked\n")
		time.Sleep(time.Minute)
	case "signal":
		// Start writing a file, say so, and wait for a signal.
		CleanupOnSignal(os.Exit)
		dir := os.Args[len(os.Args)-1]
		if _, err := Acquire(filepath.Join(dir, ".lock")); err != nil {
			os.Exit(3)
		}
		f, err := createTemp(dir, "page.md", 0)
		if err != nil {
			os.Exit(3)
		}
		f.Close()
		os.Stdout.WriteString("writing\n")
		time.Sleep(time.Minute)
	}
	os.Exit(4)
}

// helper starts the test binary as a helper and waits for its first line.
func helper(t *testing.T, kind, arg string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$", arg)
	cmd.Env = append(os.Environ(), helperEnv+"="+kind)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line := make([]byte, 64)
	n, _ := out.Read(line)
	if !strings.HasSuffix(string(line[:n]), "\n") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper said %q", line[:n])
	}
	return cmd
}

// TestStaleLockTakenOver: a lock whose holder was killed (kill -9: no
// cleanup ran) is taken over by the next run.
func TestStaleLockTakenOver(t *testing.T) {
	p := filepath.Join(t.TempDir(), ".lock")
	cmd := helper(t, "lock", p)
	var busy *BusyError
	if _, err := Acquire(p); !errors.As(err, &busy) || busy.PID != cmd.Process.Pid {
		t.Errorf("while the helper lives: %v, want busy with pid %d", err, cmd.Process.Pid)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if _, err := os.Lstat(p); err != nil {
		t.Fatalf("kill -9 should leave the lock file: %v", err)
	}
	l, err := Acquire(p)
	if err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
	l.Release()
}

// TestSignalCleansUp: SIGTERM and SIGINT remove the temporary files being
// written and the lock, and end the process with 143 and 130.
func TestSignalCleansUp(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGTERM: 143, syscall.SIGINT: 130} {
		dir := t.TempDir()
		cmd := helper(t, "signal", dir)
		entries, _ := os.ReadDir(dir)
		if len(entries) != 2 {
			t.Fatalf("the helper should hold a lock and a temporary file: %v", entries)
		}
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != want {
			t.Errorf("%v: exit %v, want %d", sig, err, want)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%v: left behind %v", sig, entries)
		}
	}
}
