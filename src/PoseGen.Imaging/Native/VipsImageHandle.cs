using Microsoft.Win32.SafeHandles;

namespace PoseGen.Imaging.Native;

/// <summary>Owns one reference to a VipsImage (a GObject); disposing drops it with g_object_unref.</summary>
internal sealed class VipsImageHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public VipsImageHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        VipsNative.GObjectUnref(handle);
        return true;
    }
}
