# CMake generated Testfile for 
# Source directory: /work/main/simulator
# Build directory: /work/main/build/dev/simulator
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
subdirs("core")
subdirs("packet")
subdirs("trace")
