# CMake generated Testfile for 
# Source directory: /work/main/protocols
# Build directory: /work/main/build/dev/protocols
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
subdirs("common")
subdirs("mail")
