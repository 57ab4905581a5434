package dev.jwtsecured.testing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the constant pool of a class file: the classes and members the class refers to. That is every method it can
 * call, since the JVM links calls through these entries.
 */
public final class ConstantPool {
  private ConstantPool() {}

  /** {@code owner.name} of every method and field reference, owners in internal form ({@code java/lang/Class}). */
  public static List<String> memberReferences(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNameIndex = new int[count];
    int[][] memberRef = new int[count][];
    int[][] nameAndType = new int[count][];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // longs and doubles take two slots
        }
        case 7 -> classNameIndex[i] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 9, 10, 11 -> memberRef[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 12 -> nameAndType[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        case 17, 18 -> {
          in.readUnsignedShort();
          in.readUnsignedShort();
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    List<String> refs = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (memberRef[i] != null) {
        String owner = utf8[classNameIndex[memberRef[i][0]]];
        String name = utf8[nameAndType[memberRef[i][1]][0]];
        refs.add(owner + "." + name);
      }
    }
    return refs;
  }
}
