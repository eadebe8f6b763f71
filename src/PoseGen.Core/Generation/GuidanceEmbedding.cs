namespace PoseGen.Core.Generation;

/// <summary>
/// The guidance-scale embedding of Latent Consistency Models (Luo et al. 2023): a guidance-distilled UNet (diffusers'
/// time_cond_proj_dim, 256 for LCM Dreamshaper v7) takes the classifier-free guidance weight as an input instead of a
/// batch of two. As diffusers' LatentConsistencyModelPipeline.get_guidance_scale_embedding: w = guidance_scale - 1,
/// scaled by 1000, then sinusoidal like a timestep embedding: [sin(1000 w f_i), cos(1000 w f_i)] with
/// f_i = exp(-ln(10000) i / (dim / 2 - 1)), i = 0 .. dim / 2 - 1, and a zero at the end when dim is odd.
/// </summary>
public static class GuidanceEmbedding
{
    public static float[] ForGuidanceScale(float guidanceScale, int dim)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dim, 4);
        var w = (guidanceScale - 1.0) * 1000.0;
        var half = dim / 2;
        var step = Math.Log(10000.0) / (half - 1);
        var embedding = new float[dim];
        for (var i = 0; i < half; i++)
        {
            var angle = w * Math.Exp(-step * i);
            embedding[i] = (float)Math.Sin(angle);
            embedding[half + i] = (float)Math.Cos(angle);
        }
        return embedding;
    }
}
